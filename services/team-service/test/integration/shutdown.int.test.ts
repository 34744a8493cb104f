import { expect } from 'chai';
import { startHarness } from '../support/harness';

describe('team-service shutdown', function () {
  this.timeout(60_000);

  it('when a shutdown step fails, then stop() still runs every later step', async () => {
    const harness = await startHarness();
    const steps = harness.service.shutdownSteps;
    const names = steps.map((step) => step.name);
    const ran: string[] = [];
    steps.splice(2, 0, {
      name: 'a step that fails',
      run: () => {
        throw new Error('boom');
      },
    });
    for (const [index, step] of steps.entries()) {
      steps[index] = {
        name: step.name,
        run: async () => {
          ran.push(step.name);
          await step.run();
        },
      };
    }

    await harness.stop();

    expect(ran).to.deep.equal([...names.slice(0, 2), 'a step that fails', ...names.slice(2)]);
    expect(ran.at(-1)).to.equal('close MongoDB');
  });
});

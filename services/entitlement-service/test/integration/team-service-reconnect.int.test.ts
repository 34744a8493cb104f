import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { startTeamService } from '@teamseat/team-service';
import { freePort } from '@teamseat/testing';
import { createTeamDirectory } from '../../src/adapters/team-service/team-directory';
import { testLogger } from '../support/service-harness';
import { teamServiceConfig } from '../support/team-service-config';

const TOKEN = 'reconnect-internal-token';
const DOWN_MS = 90_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * After a long team-service outage the client must reconnect within seconds of its return. grpc-js waits
 * longer and longer between connection attempts (1 s, growing by 1.6 a try, up to 120 s by default): after
 * 90 s down its next attempt comes some 15-30 s after team-service is back, and every call fails until then.
 */
describe('team-service client after a long outage (a real team-service, stopped and started again)', function () {
  this.timeout(240_000);

  it('when team-service is back after 90 s down while calls keep failing, then calls succeed again within 10 s of its return', async () => {
    const port = await freePort();
    const config = await teamServiceConfig('reconnect', TOKEN, port);
    let service = await startTeamService({ config, logger: testLogger() });
    const teams = createTeamDirectory({
      address: `127.0.0.1:${port}`,
      token: TOKEN,
      now: Date.now,
      logger: testLogger(),
    });
    // A team that does not exist answers undefined: the call went through.
    const served = () =>
      teams.getTeam(`team-${randomUUID()}`).then(
        () => true,
        () => false,
      );
    try {
      expect(await served(), 'before the outage').to.equal(true);
      await service.stop();
      // Calls keep coming meanwhile, as the consumers' retries make them.
      const downUntil = Date.now() + DOWN_MS;
      while (Date.now() < downUntil) {
        expect(await served(), 'during the outage').to.equal(false);
        await sleep(250);
      }
      service = await startTeamService({ config, logger: testLogger() });
      const backAt = Date.now();
      while (!(await served()) && Date.now() - backAt < 60_000) await sleep(100);
      const afterMs = Date.now() - backAt;
      console.log(`      (calls served again ${afterMs} ms after team-service's return)`);
      expect(afterMs, 'ms from the return to the first served call').to.be.below(10_000);
    } finally {
      teams.close();
      await service.stop();
    }
  });
});

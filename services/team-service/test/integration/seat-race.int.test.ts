import { expect } from 'chai';
import { provisionTeam, startHarness, type Harness } from '../support/harness';
import { startWriterStack } from '../support/writer-stack';

// Issue 17 point 1: FerretDB applies a guarded update as read, modify, write back, so only the insert of a
// unique `_id` is atomic across connections. The seat count must hold over a real connection pool.
describe('team-service seats over a connection pool (real FerretDB)', function () {
  this.timeout(300_000);
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  it('when 200 AddMember callers race for 10 seats over 50 connections, then stored members = OK answers = 10', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 10 });
    const stack = await startWriterStack(harness.config.MONGODB_URI, 50, { writers: 50 });
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          stack.writers[i % 50]!.addMember({ teamId: team.teamId, userId: `racer-${i}`, actor: owner }).then(
            () => 'ok',
            (error: { code?: string }) => error.code ?? String(error),
          ),
        ),
      );
      const ok = outcomes.filter((outcome) => outcome === 'ok').length;
      const stored = (await stack.teams.load(team.teamId))!.members.filter((m) => m.holdsSeat).length;
      console.log(`      (reported ${ok}, stored ${stored}, limit 10)`);
      expect({ ok, stored }).to.deep.equal({ ok: 10, stored: 10 });
      const refused = outcomes.filter((outcome) => outcome !== 'ok');
      expect(new Set(refused), 'every loser is told the team is full').to.deep.equal(
        new Set(['RESOURCE_EXHAUSTED']),
      );
    } finally {
      await stack.close();
    }
  });
});

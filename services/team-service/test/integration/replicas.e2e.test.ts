import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import { subscriptionState } from '../support/harness';
import { startReplicas } from '../support/replicas';

// Issue 17 point 1, as a user runs it: three team-service processes on the local database.
describe('team-service as three processes on one database', function () {
  this.timeout(300_000);
  let replicas: Awaited<ReturnType<typeof startReplicas>> | undefined;
  before(async () => (replicas = await startReplicas(3)));
  after(async () => replicas?.stop());

  it('when 200 AddMember calls for a 10-seat team are spread over the three, then stored members = OK answers = 10', async () => {
    const [first] = replicas!.replicas;
    const state = subscriptionState({ seats: 10 });
    const { team } = await first!.call('ApplySubscriptionState', state);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        replicas!.replicas[i % 3]!.call('AddMember', {
          teamId: team.teamId,
          userId: `racer-${i}`,
          actorUserId: state.subscriberUserId,
        }).then(
          () => 'ok',
          (error: { code: number }) => status[error.code],
        ),
      ),
    );
    const ok = outcomes.filter((outcome) => outcome === 'ok').length;
    const members = await first!.call('ListMembers', { teamId: team.teamId, pageSize: 500 });
    const stored = members.members.filter((m: { holdsSeat: boolean }) => m.holdsSeat).length;
    console.log(`      (reported ${ok}, stored ${stored}, limit 10)`);
    expect({ ok, stored }).to.deep.equal({ ok: 10, stored: 10 });
    expect(new Set(outcomes.filter((o) => o !== 'ok'))).to.deep.equal(new Set(['RESOURCE_EXHAUSTED']));
  });
});

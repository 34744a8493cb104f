import { decodeTeamEvent } from '@teamseat/contracts';
import { consumeMessages, healthStatus, startThrowawayBroker, type ThrowawayBroker } from '@teamseat/testing';
import { expect } from 'chai';
import { eventsOf, typeName } from '../support/events';
import { provisionTeam, startHarness, type Harness } from '../support/harness';

// Issue 17 point 3: the outbox exists so that team-service keeps serving while Kafka is down. The broker
// here is this test's own; the shared one is never touched.
describe('team-service through a Kafka outage', function () {
  this.timeout(240_000);
  let broker: ThrowawayBroker;
  let harness: Harness;
  before(async () => {
    broker = await startThrowawayBroker();
    harness = await startHarness({ env: { KAFKA_BROKERS: broker.brokers.join(',') } });
  });
  after(async () => {
    await harness?.stop();
    await broker?.destroy();
  });

  it('when the broker dies, then the service stays ready and serves reads and writes, and the events arrive once it is back', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 5 });
    await harness.app('AddMember', { teamId: team.teamId, userId: 'before', actorUserId: owner });
    await harness.service.internals.relay.idle();

    await broker.kill();
    for (const userId of ['during-1', 'during-2'])
      await harness.app('AddMember', { teamId: team.teamId, userId, actorUserId: owner });
    await harness.app('RemoveMember', { teamId: team.teamId, userId: 'before', actorUserId: owner });
    const usage = await harness.app('GetSeatUsage', { teamId: team.teamId });
    expect(usage).to.include({ seatsUsed: 2 });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a health round without Kafka
    expect(await healthStatus(harness.address)).to.equal('SERVING');
    const ready = await fetch(`http://127.0.0.1:${harness.service.adminPort}/readyz`);
    expect(ready.status).to.equal(200);

    await broker.restart();
    const messages = await consumeMessages(broker.brokers, harness.topic, { count: 5, timeoutMs: 120_000 });
    const events = eventsOf(
      messages.map((m) => decodeTeamEvent(m.value ?? '')),
      team.teamId,
    );
    expect(events.map((e) => [typeName(e), e.data.teamVersion])).to.deep.equal([
      ['TeamProvisioned', 1],
      ['MemberAdded', 2],
      ['MemberAdded', 3],
      ['MemberAdded', 4],
      ['MemberRemoved', 5],
    ]);
  });
});

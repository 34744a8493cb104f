import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import { eventsOf, publishedEvents, typeName } from '../support/events';
import { provisionTeam, startHarness, type Harness } from '../support/harness';

describe('team-service contention (real FerretDB, Kafka and gRPC)', function () {
  this.timeout(180_000);
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  it('when 200 AddMember calls race for 10 free seats, then exactly 10 win, 190 get RESOURCE_EXHAUSTED and 10 MemberAdded are published', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 10 });
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        harness
          .app(
            'AddMember',
            { teamId: team.teamId, userId: `racer-${i}`, actorUserId: owner },
            { deadlineMs: 60_000 },
          )
          .then(
            () => 'ok',
            (error: { code: number; details: string }) => `${status[error.code]}: ${error.details}`,
          ),
      ),
    );
    const ok = outcomes.filter((outcome) => outcome === 'ok');
    const exhausted = outcomes.filter((outcome) => outcome.startsWith('RESOURCE_EXHAUSTED'));
    expect(ok, 'winners').to.have.length(10);
    expect(
      exhausted,
      outcomes.filter((o) => o !== 'ok' && !o.startsWith('RESOURCE')).join('\n'),
    ).to.have.length(190);
    expect(exhausted[0]).to.contain('10 of 10 seats used');

    const usage = await harness.app('GetSeatUsage', { teamId: team.teamId });
    expect(usage).to.include({ seatLimit: 10, seatsUsed: 10, seatsAvailable: 0, memberCount: 11 });
    const members = await harness.app('ListMembers', { teamId: team.teamId, pageSize: 500 });
    expect(members.totalSize).to.equal(11);

    const added = eventsOf(await publishedEvents(harness), team.teamId).filter(
      (e) => typeName(e) === 'MemberAdded',
    );
    expect(added).to.have.length(10);
    expect(new Set(added.map((e) => e.data.userId)).size).to.equal(10);
    // The adds queued together land as one version each batch (ADR 0028): the team moved once per batch.
    const versions = new Set(added.map((e) => e.data.teamVersion));
    const { team: now } = await harness.app('GetTeam', { teamId: team.teamId });
    expect(Number(now.version), 'one version per batch').to.equal(1 + versions.size);
  });

  it('when the same user is added and removed concurrently, then roster, counters and events agree', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 3 });
    const call = (method: string) =>
      harness.app(method, { teamId: team.teamId, userId: 'flapper', actorUserId: owner }).then(
        () => 'ok',
        (error: { code: number }) => status[error.code],
      );
    for (let round = 0; round < 15; round++) {
      const results = await Promise.all([
        call('AddMember'),
        call('RemoveMember'),
        call('AddMember'),
        call('RemoveMember'),
      ]);
      for (const result of results) expect(['ok', 'ALREADY_EXISTS', 'NOT_FOUND']).to.include(result);
    }
    const after = await harness.app('GetTeam', { teamId: team.teamId });
    const members = await harness.app('ListMembers', { teamId: team.teamId });
    const onRoster = members.members.some((m: { userId: string }) => m.userId === 'flapper');
    expect(after.team.seatsUsed).to.equal(onRoster ? 1 : 0);
    expect(after.team.seatsAvailable).to.equal(onRoster ? 2 : 3);

    const events = eventsOf(await publishedEvents(harness), team.teamId);
    const adds = events.filter((e) => typeName(e) === 'MemberAdded').length;
    const removes = events.filter((e) => typeName(e) === 'MemberRemoved').length;
    expect(adds - removes).to.equal(onRoster ? 1 : 0);
    // Versions on the topic are the team's versions, in order, with no gaps.
    const versions = events.map((e) => e.data.teamVersion);
    expect(versions).to.deep.equal([...versions].sort((a, b) => a - b));
    expect(versions[versions.length - 1]).to.equal(Number(after.team.version));
  });
});

import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import { eventsOf, latestGrants, publishedEvents, publishedFacts, typeName } from '../support/events';
import {
  expectFailure,
  provisionTeam,
  startHarness,
  subscriptionState,
  type Harness,
  type ProvisionOptions,
} from '../support/harness';

const DAY = 86_400_000;
const RETENTION = { rosterRetentionDays: 10 };

describe('team-service roster retention over gRPC (ADR 0030)', () => {
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  let tick = Date.now();
  const apply = (options: ProvisionOptions) =>
    harness.internal(
      'ApplySubscriptionState',
      subscriptionState({ sourceEventAt: new Date((tick += 1_000)), ...RETENTION, ...options }),
    );

  async function expiredTeam(members: string[]) {
    const { team, owner } = await provisionTeam(harness, { sourceEventAt: new Date((tick += 1_000)) });
    for (const userId of members) {
      await harness.app('AddMember', { teamId: team.teamId, userId, actorUserId: owner });
    }
    await harness.app('InviteByEmail', {
      teamId: team.teamId,
      email: 'late@example.com',
      actorUserId: owner,
    });
    const expired = await apply({
      subscriber: owner,
      seats: 0,
      status: 'TEAM_STATUS_EXPIRED',
      periodEndsAt: harness.clock.now(),
    });
    return { teamId: team.teamId as string, owner, expired };
  }

  const roster = async (teamId: string) =>
    (await harness.app('ListMembers', { teamId })).members.map((m: { userId: string }) => m.userId);
  const ms = (ts: { seconds: string } | null) => (ts ? Number(ts.seconds) * 1000 : null);

  it('when a team expires, then its members stay suspended without access or seats, and a comeback within the retention grants them again', async () => {
    const { teamId, owner, expired } = await expiredTeam(['s1', 's2']);
    expect(expired.team).to.include({ status: 'TEAM_STATUS_EXPIRED', seatsUsed: 0, pendingInvites: 0 });
    expect(ms(expired.team.rosterRetainedUntil)).to.be.closeTo(
      harness.clock.now().getTime() + 10 * DAY,
      2_000,
    );
    expect(expired.removedUserIds).to.deep.equal([]);
    expect(await roster(teamId)).to.have.members([owner, 's1', 's2']);
    let grants = latestGrants(await publishedFacts(harness), teamId);
    expect(grants.get('s1')?.grant).to.deep.equal({ kind: 'none' });
    await expectFailure(
      harness.app('AddMember', { teamId, userId: 's3', actorUserId: owner }),
      status.FAILED_PRECONDITION,
      'TEAM_NOT_ACTIVE',
    );

    const back = await apply({ subscriber: owner, seats: 5 });
    expect(back.team).to.include({ status: 'TEAM_STATUS_ACTIVE', seatsUsed: 2, rosterRetainedUntil: null });
    grants = latestGrants(await publishedFacts(harness), teamId);
    for (const userId of ['s1', 's2']) expect(grants.get(userId)?.grant.kind).to.equal('until');
    const grant = await harness.internal('GetMemberGrant', { teamId, userId: 's2' });
    expect(grant.grantKind).to.equal('GRANT_KIND_UNTIL');
    const events = eventsOf(await publishedEvents(harness), teamId).map(typeName);
    expect(events.slice(-3)).to.deep.equal(['TeamExpired', 'InviteRevoked', 'TeamReactivated']);
  });

  it('when the retention ends, then the deadline sweep clears the suspended members and a later comeback restores nobody', async () => {
    const { teamId, owner } = await expiredTeam(['c1']);
    harness.clock.advance(9 * DAY);
    await harness.service.internals.sweepDeadlines();
    expect(await roster(teamId)).to.have.members([owner, 'c1']);
    harness.clock.advance(2 * DAY);
    await harness.service.internals.sweepDeadlines();
    expect(await roster(teamId)).to.deep.equal([owner]);
    const listed = await harness.app('ListTeamsOfUser', { userId: 'c1' });
    expect(listed.memberships.map((m: { team: { teamId: string } }) => m.team.teamId)).to.not.include(teamId);
    const events = eventsOf(await publishedEvents(harness), teamId);
    expect(typeName(events.at(-1)!)).to.equal('RosterCleared');
    expect(events.at(-1)!.data).to.include({ removedUserCount: 1 });

    const back = await apply({ subscriber: owner, seats: 5 });
    expect(back.team).to.include({ status: 'TEAM_STATUS_ACTIVE', seatsUsed: 0, memberCount: 1 });
    expect(latestGrants(await publishedFacts(harness), teamId).get('c1')?.grant).to.deep.equal({
      kind: 'none',
    });
  });
});

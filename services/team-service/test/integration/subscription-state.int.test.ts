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

const HOUR = 3_600_000;

describe('team-service ApplySubscriptionState over gRPC', () => {
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  let tick = Date.now();
  /** Each later state carries a later source time, as RevenueCat's would. */
  const apply = (options: ProvisionOptions) =>
    harness.internal(
      'ApplySubscriptionState',
      subscriptionState({ sourceEventAt: new Date((tick += 1_000)), ...options }),
    );

  async function teamWithMembers(options: ProvisionOptions, members: string[]) {
    const { team, owner } = await provisionTeam(harness, {
      sourceEventAt: new Date((tick += 1_000)),
      ...options,
    });
    for (const userId of members) {
      await harness.app('AddMember', { teamId: team.teamId, userId, actorUserId: owner });
      harness.clock.advance(10);
    }
    return { teamId: team.teamId, owner };
  }

  it('when a subscriber first becomes active, then a team is provisioned with the subscriber as owner', async () => {
    const request = subscriptionState({ seats: 4 });
    const response = await harness.internal('ApplySubscriptionState', request);
    expect(response.changed).to.equal(true);
    expect(response.team).to.include({
      ownerUserId: request.subscriberUserId,
      subscriberUserId: request.subscriberUserId,
      managementEntitlement: 'team_pro_admin',
      status: 'TEAM_STATUS_ACTIVE',
      seatLimit: 4,
      memberCount: 1,
      version: '1',
    });
    const events = eventsOf(await publishedEvents(harness), response.team.teamId);
    expect(events.map(typeName)).to.deep.equal(['TeamProvisioned']);
    expect(events[0]!.causationid).to.equal(request.sourceEventId);
  });

  it('when the same or an older state comes again, then nothing changes', async () => {
    const request = subscriptionState({ seats: 4 });
    const first = await harness.internal('ApplySubscriptionState', request);
    const again = await harness.internal('ApplySubscriptionState', request);
    expect(again.changed).to.equal(false);
    expect(again.team.version).to.equal(first.team.version);
    const older = await harness.internal('ApplySubscriptionState', {
      ...request,
      seatLimit: 1,
      sourceEventAt: { seconds: String(Number(request.sourceEventAt.seconds) - 60), nanos: 0 },
    });
    expect(older.changed).to.equal(false);
    expect(older.team.seatLimit).to.equal(4);
    const teams = await harness.app('ListTeamsOfUser', { userId: request.subscriberUserId });
    expect(teams.memberships, 'one team per subscriber and management entitlement').to.have.length(1);
  });

  it('when an expired state arrives for a subscriber without a team, then no team is created', async () => {
    const response = await harness.internal(
      'ApplySubscriptionState',
      subscriptionState({ status: 'TEAM_STATUS_EXPIRED', seats: 0 }),
    );
    expect(response).to.include({ changed: false, team: null });
  });

  it('when an app token calls it, then PERMISSION_DENIED INTERNAL_ONLY', async () => {
    await expectFailure(
      harness.app('ApplySubscriptionState', subscriptionState()),
      status.PERMISSION_DENIED,
      'INTERNAL_ONLY',
    );
  });

  it('when the period is renewed or the status goes to grace, then TeamStatusChanged; more seats give SeatLimitChanged', async () => {
    const { teamId, owner } = await teamWithMembers({ seats: 2 }, []);
    await apply({ subscriber: owner, seats: 2, periodEndsAt: new Date(Date.now() + 60 * 86_400_000) });
    const graceEnds = new Date(Date.now() + 61 * 86_400_000);
    await apply({ subscriber: owner, seats: 2, status: 'TEAM_STATUS_GRACE', periodEndsAt: graceEnds });
    const grown = await apply({
      subscriber: owner,
      seats: 6,
      status: 'TEAM_STATUS_GRACE',
      periodEndsAt: graceEnds,
    });
    expect(grown.team).to.include({ seatLimit: 6, status: 'TEAM_STATUS_GRACE' });
    const events = eventsOf(await publishedEvents(harness), teamId);
    expect(events.map(typeName)).to.deep.equal([
      'TeamProvisioned',
      'TeamStatusChanged',
      'TeamStatusChanged',
      'SeatLimitChanged',
    ]);
    expect(events[2]!.data).to.include({ status: 'grace', previousStatus: 'active' });
    expect(events[3]!.data).to.include({ seatLimit: 6, previousSeatLimit: 2 });
  });

  it('when the limit drops under the block policy, then everyone stays, adds are refused, and leaving frees room', async () => {
    const { teamId, owner } = await teamWithMembers({ seats: 4, shrinkPolicy: 'SHRINK_POLICY_BLOCK' }, [
      'a',
      'b',
      'c',
      'd',
    ]);
    const shrunk = await apply({ subscriber: owner, seats: 2, shrinkPolicy: 'SHRINK_POLICY_BLOCK' });
    expect(shrunk.removedUserIds).to.deep.equal([]);
    expect(shrunk.team).to.include({ seatsUsed: 4, seatsAvailable: -2 });
    const error = await expectFailure(
      harness.app('AddMember', { teamId, userId: 'e', actorUserId: owner }),
      status.RESOURCE_EXHAUSTED,
      'SEAT_LIMIT_REACHED',
    );
    expect(error.details).to.contain('4 of 2 seats used');
    for (const userId of ['a', 'b', 'c']) await harness.app('LeaveTeam', { teamId, actorUserId: userId });
    await harness.app('AddMember', { teamId, userId: 'e', actorUserId: owner });
  });

  it('when the limit drops under remove-last-joined, then pending invites go first, then the newest members', async () => {
    const { teamId, owner } = await teamWithMembers(
      { seats: 5, shrinkPolicy: 'SHRINK_POLICY_REMOVE_LAST_JOINED' },
      ['first', 'second', 'third', 'fourth'],
    );
    const { invite } = await harness.app('InviteByEmail', {
      teamId,
      email: 'late@example.com',
      actorUserId: owner,
    });
    const shrunk = await apply({
      subscriber: owner,
      seats: 2,
      shrinkPolicy: 'SHRINK_POLICY_REMOVE_LAST_JOINED',
    });
    expect(shrunk.removedUserIds).to.have.members(['fourth', 'third']);
    expect(shrunk.team).to.include({ seatsUsed: 2, pendingInvites: 0, seatsAvailable: 0 });
    const events = eventsOf(await publishedEvents(harness), teamId);
    const tail = events.slice(-4).map((e) => [typeName(e), (e.data as { reason?: string }).reason]);
    expect(tail).to.deep.equal([
      ['SeatLimitChanged', undefined],
      ['InviteRevoked', 'seat-limit-reduced'],
      ['MemberRemoved', 'seat-limit-reduced'],
      ['MemberRemoved', 'seat-limit-reduced'],
    ]);
    expect(
      (events.find((e) => typeName(e) === 'InviteRevoked')!.data as { inviteId: string }).inviteId,
    ).to.equal(invite.inviteId);
  });

  it('when the limit drops under admin-choice, then the team is over-assigned until the deadline, then the last joined go', async () => {
    const { teamId, owner } = await teamWithMembers(
      { seats: 3, shrinkPolicy: 'SHRINK_POLICY_ADMIN_CHOICE', adminChoiceGraceHours: 24 },
      ['p', 'q', 'r'],
    );
    const shrunk = await apply({
      subscriber: owner,
      seats: 1,
      shrinkPolicy: 'SHRINK_POLICY_ADMIN_CHOICE',
      adminChoiceGraceHours: 24,
    });
    expect(shrunk.removedUserIds).to.deep.equal([]);
    const deadline = Number(shrunk.team.overAssignedUntil.seconds) * 1000;
    expect(deadline).to.be.closeTo(harness.clock.now().getTime() + 24 * HOUR, 5_000);
    await expectFailure(
      harness.app('AddMember', { teamId, userId: 's', actorUserId: owner }),
      status.RESOURCE_EXHAUSTED,
      'SEAT_LIMIT_REACHED',
    );
    await harness.app('RemoveMember', { teamId, userId: 'p', actorUserId: owner });
    harness.clock.advance(25 * HOUR);
    await harness.service.internals.sweepDeadlines();
    const usage = await harness.app('GetSeatUsage', { teamId });
    expect(usage).to.include({ seatsUsed: 1, seatLimit: 1, overAssignedUntil: null });
    const members = await harness.app('ListMembers', { teamId, roles: ['ROLE_MEMBER'] });
    expect(members.members.map((m: { userId: string }) => m.userId)).to.deep.equal(['q']);
  });

  it('when the subscription expires, then members leave in one TeamExpired, seats go to 0, and a new purchase reactivates the team', async () => {
    const { teamId, owner } = await teamWithMembers({ seats: 4, ownerTakesSeat: true }, ['m1', 'm2']);
    await harness.app('InviteByEmail', { teamId, email: 'pending@example.com', actorUserId: owner });
    const expired = await apply({
      subscriber: owner,
      seats: 0,
      status: 'TEAM_STATUS_EXPIRED',
      ownerTakesSeat: true,
    });
    expect(expired.team).to.include({
      status: 'TEAM_STATUS_EXPIRED',
      seatLimit: 0,
      seatsUsed: 0,
      pendingInvites: 0,
      memberCount: 1,
    });
    expect(expired.removedUserIds).to.have.members(['m1', 'm2']);
    const stillThere = await harness.app('GetTeam', { teamId });
    expect(stillThere.team.teamId).to.equal(teamId);

    const reactivated = await apply({ subscriber: owner, seats: 3, ownerTakesSeat: true });
    expect(reactivated.team).to.include({ teamId, status: 'TEAM_STATUS_ACTIVE', seatLimit: 3, seatsUsed: 1 });
    await harness.app('AddMember', { teamId, userId: 'back', actorUserId: owner });

    const events = eventsOf(await publishedEvents(harness), teamId);
    const expiry = events.filter((e) =>
      ['TeamExpired', 'MemberRemoved', 'InviteRevoked', 'TeamReactivated'].includes(typeName(e)),
    );
    expect(expiry.map((e) => [typeName(e), (e.data as { reason?: string }).reason])).to.deep.equal([
      ['TeamExpired', undefined],
      ['InviteRevoked', 'team-expired'],
      ['TeamReactivated', undefined],
    ]);
    expect(expiry[0]!.data).to.include({ removedUserCount: 2 });
    const grants = latestGrants(await publishedFacts(harness), teamId);
    expect(grants.get('m1')?.grant).to.deep.equal({ kind: 'none' });
    expect(grants.get('back')?.grant.kind).to.equal('until');
  });

  it('when the product changes within the same management entitlement, then the same team takes the new terms', async () => {
    const { teamId, owner } = await teamWithMembers({ seats: 2 }, []);
    const upgraded = await apply({ subscriber: owner, seats: 10, productId: 'team_pro_yearly' });
    expect(upgraded.team).to.include({ teamId, productId: 'team_pro_yearly', seatLimit: 10 });
    const other = await apply({
      subscriber: owner,
      seats: 2,
      entitlement: 'team_basic_admin',
      productId: 'team_basic',
    });
    expect(other.team.teamId, 'another management entitlement is another team').to.not.equal(teamId);
    const owned = await harness.app('ListTeamsOfUser', { userId: owner, roles: ['ROLE_OWNER'] });
    expect(owned.memberships).to.have.length(2);
  });
});

import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import {
  expectFailure,
  provisionTeam,
  startHarness,
  subscriptionState,
  type Harness,
} from '../support/harness';

describe('team-service queries over gRPC', () => {
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  it('when a user owns one team, administers another and sits in a third, then ListTeamsOfUser shows each with its role', async () => {
    const user = `multi-${Date.now()}`;
    const owned = (await provisionTeam(harness, { subscriber: user, seats: 2 })).team;
    harness.clock.advance(1_000);
    const administered = await provisionTeam(harness, { seats: 3 });
    await harness.app('AddMember', {
      teamId: administered.team.teamId,
      userId: user,
      actorUserId: administered.owner,
    });
    await harness.app('GrantAdmin', {
      teamId: administered.team.teamId,
      userId: user,
      actorUserId: administered.owner,
    });
    harness.clock.advance(1_000);
    const seated = await provisionTeam(harness, { seats: 3 });
    await harness.app('AddMember', { teamId: seated.team.teamId, userId: user, actorUserId: seated.owner });

    const all = await harness.app('ListTeamsOfUser', { userId: user, actorUserId: user });
    expect(
      all.memberships.map((m: { team: { teamId: string }; role: string }) => [m.team.teamId, m.role]),
    ).to.deep.equal([
      [seated.team.teamId, 'ROLE_MEMBER'],
      [administered.team.teamId, 'ROLE_ADMIN'],
      [owned.teamId, 'ROLE_OWNER'],
    ]);
    const admins = await harness.app('ListTeamsOfUser', { userId: user, roles: ['ROLE_ADMIN'] });
    expect(admins.memberships.map((m: { team: { teamId: string } }) => m.team.teamId)).to.deep.equal([
      administered.team.teamId,
    ]);

    // Paging, one at a time, in the same order; a token only works with its own filter.
    const seen: string[] = [];
    let pageToken = '';
    do {
      const page = await harness.app('ListTeamsOfUser', { userId: user, pageSize: 1, pageToken });
      seen.push(...page.memberships.map((m: { team: { teamId: string } }) => m.team.teamId));
      pageToken = page.nextPageToken;
      if (pageToken) {
        await expectFailure(
          harness.app('ListTeamsOfUser', { userId: user, pageSize: 1, pageToken, roles: ['ROLE_OWNER'] }),
          status.INVALID_ARGUMENT,
          'INVALID_PAGE_TOKEN',
        );
      }
    } while (pageToken);
    expect(seen).to.deep.equal(all.memberships.map((m: { team: { teamId: string } }) => m.team.teamId));

    // Leaving takes the team off the list; an expired team can be filtered out.
    await harness.app('LeaveTeam', { teamId: seated.team.teamId, actorUserId: user });
    await harness.internal(
      'ApplySubscriptionState',
      subscriptionState({ subscriber: user, seats: 0, status: 'TEAM_STATUS_EXPIRED' }),
    );
    const active = await harness.app('ListTeamsOfUser', { userId: user, statuses: ['TEAM_STATUS_ACTIVE'] });
    expect(active.memberships.map((m: { team: { teamId: string } }) => m.team.teamId)).to.deep.equal([
      administered.team.teamId,
    ]);
  });

  it('when the roster is paged, then the order is stable (added_at, then user_id) and the total is given', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 20 });
    const users = Array.from({ length: 12 }, (_, i) => `user-${String(i).padStart(2, '0')}`);
    for (const userId of users) {
      await harness.app('AddMember', { teamId: team.teamId, userId, actorUserId: owner });
      harness.clock.advance(5);
    }
    const seen: string[] = [];
    let pageToken = '';
    let removedMidway = false;
    do {
      const page = await harness.app('ListMembers', {
        teamId: team.teamId,
        pageSize: 5,
        pageToken,
        actorUserId: 'user-00',
      });
      seen.push(...page.members.map((m: { userId: string }) => m.userId));
      pageToken = page.nextPageToken;
      if (!removedMidway) {
        // A removal between pages neither repeats nor skips anyone else.
        expect(page.totalSize).to.equal(13);
        await harness.app('RemoveMember', { teamId: team.teamId, userId: 'user-02', actorUserId: owner });
        removedMidway = true;
      }
    } while (pageToken);
    expect(seen).to.deep.equal([owner, ...users]);
    const owners = await harness.app('ListMembers', { teamId: team.teamId, roles: ['ROLE_OWNER'] });
    expect(owners.members).to.have.length(1);
    expect(owners.members[0]).to.include({ userId: owner, role: 'ROLE_OWNER', holdsSeat: false });
  });

  it('when seat usage is asked for, then it reads "x of n" with members and pending invites', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 4 });
    await harness.app('AddMember', { teamId: team.teamId, userId: 'one', actorUserId: owner });
    await harness.app('InviteByEmail', { teamId: team.teamId, email: 'two@example.com', actorUserId: owner });
    const usage = await harness.app('GetSeatUsage', { teamId: team.teamId, actorUserId: owner });
    expect(usage).to.include({
      teamId: team.teamId,
      status: 'TEAM_STATUS_ACTIVE',
      seatLimit: 4,
      seatsUsed: 1,
      pendingInvites: 1,
      seatsAvailable: 2,
      memberCount: 2,
    });
  });

  it('when a team is looked up by subscriber and management entitlement, then it is found', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 2 });
    const found = await harness.app('GetTeam', {
      key: { subscriberUserId: owner, managementEntitlement: 'team_pro_admin' },
    });
    expect(found.team.teamId).to.equal(team.teamId);
    await expectFailure(
      harness.app('GetTeam', { key: { subscriberUserId: owner, managementEntitlement: 'other' } }),
      status.NOT_FOUND,
      'TEAM_NOT_FOUND',
    );
  });
});

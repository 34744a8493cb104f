import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import { eventsOf, publishedEvents, typeName } from '../support/events';
import {
  expectFailure,
  provisionTeam,
  startHarness,
  subscriptionState,
  type Harness,
} from '../support/harness';

describe('team-service roster rules over gRPC', () => {
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  /** A team with an admin and a plain member. */
  async function teamWithAdmin(seats = 5) {
    const { team, owner } = await provisionTeam(harness, { seats });
    const add = (userId: string) =>
      harness.app('AddMember', { teamId: team.teamId, userId, actorUserId: owner });
    await add('admin-1');
    await add('member-1');
    await harness.app('GrantAdmin', { teamId: team.teamId, userId: 'admin-1', actorUserId: owner });
    return { teamId: team.teamId, owner };
  }

  describe('AddMember', () => {
    it('when the owner or an admin adds a user, then the user holds a seat', async () => {
      const { teamId, owner } = await teamWithAdmin();
      const byAdmin = await harness.app('AddMember', { teamId, userId: 'new-1', actorUserId: 'admin-1' });
      expect(byAdmin.member).to.include({
        userId: 'new-1',
        role: 'ROLE_MEMBER',
        addedBy: 'admin-1',
        holdsSeat: true,
      });
      const byOwner = await harness.app('AddMember', { teamId, userId: 'new-2', actorUserId: owner });
      expect(byOwner.team).to.include({ seatsUsed: 4, seatsAvailable: 1, memberCount: 5 });
    });

    it('when a plain member or a stranger adds someone, then PERMISSION_DENIED NOT_TEAM_MANAGER', async () => {
      const { teamId } = await teamWithAdmin();
      for (const actor of ['member-1', 'stranger']) {
        const error = await expectFailure(
          harness.app('AddMember', { teamId, userId: 'x', actorUserId: actor }),
          status.PERMISSION_DENIED,
          'NOT_TEAM_MANAGER',
        );
        expect(error.details).to.contain('only the owner or an admin');
      }
    });

    it('when the user is already a member, then ALREADY_EXISTS ALREADY_MEMBER', async () => {
      const { teamId, owner } = await teamWithAdmin();
      await expectFailure(
        harness.app('AddMember', { teamId, userId: 'member-1', actorUserId: owner }),
        status.ALREADY_EXISTS,
        'ALREADY_MEMBER',
      );
    });

    it('when no seat is free, then RESOURCE_EXHAUSTED SEAT_LIMIT_REACHED saying "n of n seats used"', async () => {
      const { teamId, owner } = await teamWithAdmin(2);
      const error = await expectFailure(
        harness.app('AddMember', { teamId, userId: 'third', actorUserId: owner }),
        status.RESOURCE_EXHAUSTED,
        'SEAT_LIMIT_REACHED',
      );
      expect(error.details).to.contain('2 of 2 seats used');
    });

    it('when the team is in grace or expired, then FAILED_PRECONDITION TEAM_NOT_ACTIVE', async () => {
      for (const state of ['TEAM_STATUS_GRACE', 'TEAM_STATUS_EXPIRED'] as const) {
        const { team, owner } = await provisionTeam(harness, { seats: 3 });
        const seats = state === 'TEAM_STATUS_EXPIRED' ? 0 : 3;
        await harness.internal(
          'ApplySubscriptionState',
          subscriptionState({ subscriber: owner, seats, status: state }),
        );
        await expectFailure(
          harness.app('AddMember', { teamId: team.teamId, userId: 'late', actorUserId: owner }),
          status.FAILED_PRECONDITION,
          'TEAM_NOT_ACTIVE',
        );
      }
    });

    it('when the product gives the owner a seat, then the owner counts against the limit', async () => {
      const { team, owner } = await provisionTeam(harness, { seats: 2, ownerTakesSeat: true });
      expect(team).to.include({ seatsUsed: 1, seatsAvailable: 1 });
      await harness.app('AddMember', { teamId: team.teamId, userId: 'only-one', actorUserId: owner });
      await expectFailure(
        harness.app('AddMember', { teamId: team.teamId, userId: 'too-many', actorUserId: owner }),
        status.RESOURCE_EXHAUSTED,
        'SEAT_LIMIT_REACHED',
      );
    });
  });

  describe('RemoveMember and LeaveTeam', () => {
    it('when the owner or an admin removes a member, then the seat is free and MemberRemoved says removed-by-admin', async () => {
      const { teamId, owner } = await teamWithAdmin();
      const { team } = await harness.app('RemoveMember', {
        teamId,
        userId: 'member-1',
        actorUserId: 'admin-1',
      });
      expect(team).to.include({ seatsUsed: 1, memberCount: 2 });
      await harness.app('RemoveMember', { teamId, userId: 'admin-1', actorUserId: owner });
      const removed = eventsOf(await publishedEvents(harness), teamId).filter(
        (e) => typeName(e) === 'MemberRemoved',
      );
      expect(
        removed.map((e) => [
          e.data.userId,
          (e.data as { reason: string }).reason,
          (e.data as { removedBy: string }).removedBy,
        ]),
      ).to.deep.equal([
        ['member-1', 'removed-by-admin', 'admin-1'],
        ['admin-1', 'removed-by-admin', owner],
      ]);
    });

    it('when an admin removes another admin, then PERMISSION_DENIED ONLY_OWNER_MAY_REMOVE_ADMIN', async () => {
      const { teamId, owner } = await teamWithAdmin();
      await harness.app('AddMember', { teamId, userId: 'admin-2', actorUserId: owner });
      await harness.app('GrantAdmin', { teamId, userId: 'admin-2', actorUserId: owner });
      await expectFailure(
        harness.app('RemoveMember', { teamId, userId: 'admin-2', actorUserId: 'admin-1' }),
        status.PERMISSION_DENIED,
        'ONLY_OWNER_MAY_REMOVE_ADMIN',
      );
    });

    it('when anyone tries to remove the owner, then FAILED_PRECONDITION OWNER_CANNOT_BE_REMOVED', async () => {
      const { teamId, owner } = await teamWithAdmin();
      await expectFailure(
        harness.app('RemoveMember', { teamId, userId: owner, actorUserId: 'admin-1' }),
        status.FAILED_PRECONDITION,
        'OWNER_CANNOT_BE_REMOVED',
      );
    });

    it('when the user is not on the team, then NOT_FOUND NOT_A_MEMBER; a plain member may not remove', async () => {
      const { teamId, owner } = await teamWithAdmin();
      await expectFailure(
        harness.app('RemoveMember', { teamId, userId: 'nobody', actorUserId: owner }),
        status.NOT_FOUND,
        'NOT_A_MEMBER',
      );
      await expectFailure(
        harness.app('RemoveMember', { teamId, userId: 'admin-1', actorUserId: 'member-1' }),
        status.PERMISSION_DENIED,
        'NOT_TEAM_MANAGER',
      );
    });

    it('when a member or an admin leaves, then they are off the roster and an admin loses the role', async () => {
      const { teamId, owner } = await teamWithAdmin();
      await harness.app('LeaveTeam', { teamId, actorUserId: 'member-1' });
      const { team } = await harness.app('LeaveTeam', { teamId, actorUserId: 'admin-1' });
      expect(team.admins).to.deep.equal([]);
      expect(team.memberCount).to.equal(1);
      await expectFailure(
        harness.app('LeaveTeam', { teamId, actorUserId: owner }),
        status.FAILED_PRECONDITION,
        'OWNER_CANNOT_LEAVE',
      );
      await expectFailure(
        harness.app('LeaveTeam', { teamId, actorUserId: 'member-1' }),
        status.NOT_FOUND,
        'NOT_A_MEMBER',
      );
    });
  });

  describe('GrantAdmin and RevokeAdmin', () => {
    it('when the owner grants and revokes admin, then the role changes and the seat stays', async () => {
      const { teamId, owner } = await teamWithAdmin();
      const granted = await harness.app('GrantAdmin', { teamId, userId: 'member-1', actorUserId: owner });
      expect(granted.team.admins).to.have.members(['admin-1', 'member-1']);
      const revoked = await harness.app('RevokeAdmin', { teamId, userId: 'member-1', actorUserId: owner });
      expect(revoked.team.admins).to.deep.equal(['admin-1']);
      expect(revoked.team.seatsUsed).to.equal(2);
      const types = eventsOf(await publishedEvents(harness), teamId).map(typeName);
      expect(types.filter((t) => t.startsWith('Admin'))).to.deep.equal([
        'AdminGranted',
        'AdminGranted',
        'AdminRevoked',
      ]);
    });

    it('when an admin grants or revokes admin, then PERMISSION_DENIED NOT_TEAM_OWNER', async () => {
      const { teamId } = await teamWithAdmin();
      await expectFailure(
        harness.app('GrantAdmin', { teamId, userId: 'member-1', actorUserId: 'admin-1' }),
        status.PERMISSION_DENIED,
        'NOT_TEAM_OWNER',
      );
      await expectFailure(
        harness.app('RevokeAdmin', { teamId, userId: 'admin-1', actorUserId: 'admin-1' }),
        status.PERMISSION_DENIED,
        'NOT_TEAM_OWNER',
      );
    });

    it('when the target is wrong, then NOT_A_MEMBER, ALREADY_ADMIN, OWNER_IS_NOT_ADMIN or NOT_AN_ADMIN', async () => {
      const { teamId, owner } = await teamWithAdmin();
      const grant = (userId: string) => harness.app('GrantAdmin', { teamId, userId, actorUserId: owner });
      await expectFailure(grant('nobody'), status.NOT_FOUND, 'NOT_A_MEMBER');
      await expectFailure(grant('admin-1'), status.ALREADY_EXISTS, 'ALREADY_ADMIN');
      await expectFailure(grant(owner), status.FAILED_PRECONDITION, 'OWNER_IS_NOT_ADMIN');
      await expectFailure(
        harness.app('RevokeAdmin', { teamId, userId: 'member-1', actorUserId: owner }),
        status.FAILED_PRECONDITION,
        'NOT_AN_ADMIN',
      );
    });
  });

  describe('reads', () => {
    it('when the actor is not on the team, then reads fail with NOT_ON_TEAM; without an actor they succeed', async () => {
      const { teamId } = await teamWithAdmin();
      await expectFailure(
        harness.app('GetTeam', { teamId, actorUserId: 'stranger' }),
        status.PERMISSION_DENIED,
        'NOT_ON_TEAM',
      );
      await expectFailure(
        harness.app('ListMembers', { teamId, actorUserId: 'stranger' }),
        status.PERMISSION_DENIED,
        'NOT_ON_TEAM',
      );
      await expectFailure(
        harness.app('GetSeatUsage', { teamId, actorUserId: 'stranger' }),
        status.PERMISSION_DENIED,
        'NOT_ON_TEAM',
      );
      expect((await harness.app('GetTeam', { teamId, actorUserId: 'member-1' })).team.teamId).to.equal(
        teamId,
      );
      expect((await harness.app('GetTeam', { teamId })).team.teamId).to.equal(teamId);
    });

    it('when the team does not exist, then NOT_FOUND TEAM_NOT_FOUND', async () => {
      await expectFailure(
        harness.app('GetTeam', { teamId: 'no-such-team' }),
        status.NOT_FOUND,
        'TEAM_NOT_FOUND',
      );
      await expectFailure(
        harness.app('AddMember', { teamId: 'no-such-team', userId: 'u', actorUserId: 'a' }),
        status.NOT_FOUND,
        'TEAM_NOT_FOUND',
      );
    });

    it("when a user lists another user's teams, then PERMISSION_DENIED NOT_SELF", async () => {
      await expectFailure(
        harness.app('ListTeamsOfUser', { userId: 'someone', actorUserId: 'someone-else' }),
        status.PERMISSION_DENIED,
        'NOT_SELF',
      );
    });
  });
});

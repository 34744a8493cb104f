import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import { eventsOf, publishedEvents, typeName } from '../support/events';
import {
  expectFailure,
  provisionTeam,
  provisionTeamWithAdmin,
  startHarness,
  subscriptionState,
  type Harness,
} from '../support/harness';

describe('team-service roster rules over gRPC', () => {
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  const teamWithAdmin = (seats?: number) => provisionTeamWithAdmin(harness, seats);

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
});

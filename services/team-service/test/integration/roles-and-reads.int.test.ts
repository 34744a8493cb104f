import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import { eventsOf, publishedEvents, typeName } from '../support/events';
import { expectFailure, provisionTeamWithAdmin, startHarness, type Harness } from '../support/harness';

describe('team-service admin roles and read permissions over gRPC', () => {
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  const teamWithAdmin = (seats?: number) => provisionTeamWithAdmin(harness, seats);

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

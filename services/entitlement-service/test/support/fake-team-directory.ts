import type { RosterEntry, TeamDirectory, TeamRole, TeamSummary } from '../../src/data-access/team-directory';

/**
 * An in-memory stand-in for our own TeamDirectory port (not for gRPC: the e2e tests use the real
 * team-service). It lets integration tests of the reconciler set up teams directly.
 */
export function createFakeTeamDirectory() {
  const teams = new Map<string, TeamSummary>();
  const rosters = new Map<string, Map<string, TeamRole>>();
  let calls = 0;

  const directory: TeamDirectory = {
    async applySubscriptionState() {
      calls += 1;
      return { team: undefined, changed: false, removedUserIds: [] };
    },
    async teamsOfUser(userId) {
      calls += 1;
      return [...rosters]
        .filter(([, roster]) => roster.has(userId))
        .map(([teamId, roster]) => ({ team: teams.get(teamId)!, role: roster.get(userId)! }));
    },
    async rosterOf(teamId) {
      calls += 1;
      const team = teams.get(teamId);
      return [...(rosters.get(teamId) ?? new Map<string, TeamRole>())].map(
        ([userId, role]): RosterEntry => ({
          userId,
          role,
          holdsSeat: role !== 'owner' || Boolean(team?.ownerTakesSeat),
        }),
      );
    },
    async membersOf(teamId) {
      return [...(rosters.get(teamId)?.keys() ?? [])];
    },
    async getTeam(teamId) {
      return teams.get(teamId);
    },
    async teamByKey(subscriberUserId, managementEntitlement) {
      return [...teams.values()].find(
        (t) => t.subscriberUserId === subscriberUserId && t.managementEntitlement === managementEntitlement,
      );
    },
    async transferToNewSubscriber() {},
    close() {},
  };

  return {
    directory,
    calls: () => calls,
    putTeam(team: Partial<TeamSummary> & { teamId: string; periodEndsAt: number }) {
      teams.set(team.teamId, {
        ownerUserId: `${team.teamId}-owner`,
        subscriberUserId: `${team.teamId}-owner`,
        productId: 'team_pro_monthly',
        managementEntitlement: 'team_admin',
        status: 'active',
        memberEntitlements: ['pro'],
        grantMode: 'period',
        ownerTakesSeat: false,
        seatLimit: 3,
        seatsUsed: 0,
        memberCount: 0,
        ...team,
      });
      if (!rosters.has(team.teamId)) rosters.set(team.teamId, new Map([[`${team.teamId}-owner`, 'owner']]));
    },
    addMember(teamId: string, userId: string) {
      rosters.get(teamId)!.set(userId, 'member');
    },
    removeMember(teamId: string, userId: string) {
      rosters.get(teamId)!.delete(userId);
    },
  };
}

import { AppError } from '@teamseat/errors';
import type { Expiry } from '../domain/expiry';
import type { GrantRecord, GrantState } from '../domain/grant-record';
import type { CustomerRepository, TeamDirectory, TeamSummary } from './ports';
import type { UserReconciler } from './user-reconciler';

export interface MemberGrantRow {
  userId: string;
  entitlement: string;
  state: GrantState;
  desired: Expiry | undefined;
  confirmed: Expiry | undefined;
  confirmedAtMs: number | undefined;
  attempts: number;
  lastError: string | undefined;
  lastAttemptAtMs: number | undefined;
  nextAttemptAtMs: number | undefined;
  otherTeamIds: string[];
}

export interface TeamAccessReport {
  team: TeamSummary;
  grants: MemberGrantRow[];
  outOfSync: number;
  generatedAtMs: number;
}

/** GetTeamAccessReport and ReconcileTeam (entitlement_service.proto). */
export function createTeamAccessReports(deps: {
  teams: TeamDirectory;
  customers: CustomerRepository;
  reconciler: UserReconciler;
  concurrency?: number;
  /** Wall clock. */
  now: () => number;
}) {
  const { teams, customers, reconciler } = deps;

  async function requireTeam(teamId: string): Promise<TeamSummary> {
    const team = await teams.getTeam(teamId);
    if (!team)
      throw new AppError('NOT_FOUND', `team_id: no team ${teamId}`, {
        reason: 'TEAM_NOT_FOUND',
        details: { field: 'team_id' },
      });
    return team;
  }

  function row(
    userId: string,
    entitlement: string,
    team: TeamSummary,
    found: GrantRecord | undefined,
  ): MemberGrantRow {
    return {
      userId,
      entitlement,
      // No row yet: a seat in a running team means a grant is owed; otherwise nothing is.
      state: found?.state ?? (team.status === 'expired' ? 'revoked' : 'grant-pending'),
      desired: found?.desired,
      confirmed: found?.confirmed,
      confirmedAtMs: found?.confirmedAtMs,
      attempts: found?.attempts ?? 0,
      lastError: found?.lastError,
      lastAttemptAtMs: found?.lastAttemptAtMs,
      nextAttemptAtMs: found?.nextAttemptAtMs,
      otherTeamIds: (found?.teamIds ?? []).filter((id) => id !== team.teamId),
    };
  }

  async function report(teamId: string): Promise<TeamAccessReport> {
    const team = await requireTeam(teamId);
    const seated = (await teams.rosterOf(teamId))
      .filter((entry) => entry.holdsSeat)
      .map((entry) => entry.userId);
    const rows = (await customers.getMany(seated)).flatMap((customer) => customer.grants);
    const byKey = new Map(rows.map((r: GrantRecord) => [`${r.userId}\u0000${r.entitlement}`, r]));
    const grants = [...seated]
      .sort()
      .flatMap((userId) =>
        [...team.memberEntitlements]
          .sort()
          .map((entitlement) => row(userId, entitlement, team, byKey.get(`${userId}\u0000${entitlement}`))),
      );
    const outOfSync = grants.filter((g) => g.state !== 'in-sync' && g.state !== 'revoked').length;
    return { team, grants, outOfSync, generatedAtMs: deps.now() };
  }

  return {
    report,

    /** Reconciles every seat holder now (the sweep's work for one team); then reports. */
    async reconcileTeam(
      teamId: string,
    ): Promise<{ report: TeamAccessReport; granted: number; revoked: number; failed: number }> {
      await requireTeam(teamId);
      const users = (await teams.rosterOf(teamId)).map((entry) => entry.userId);
      const totals = { granted: 0, revoked: 0, failed: 0 };
      const queue = [...users];
      const worker = async () => {
        for (let userId = queue.shift(); userId !== undefined; userId = queue.shift()) {
          const result = await reconciler.reconcile(userId, {
            cause: 'reconcile',
            causationId: `reconcile-team:${teamId}`,
          });
          totals.granted += result.granted;
          totals.revoked += result.revoked;
          totals.failed += result.failed;
        }
      };
      await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 8, users.length) }, worker));
      return { report: await report(teamId), ...totals };
    },
  };
}

export type TeamAccessReports = ReturnType<typeof createTeamAccessReports>;

import { AppError } from '@teamseat/errors';
import { entitlementAccess } from '../domain/access';
import type { CustomerRecord } from '../domain/customer';
import type { Expiry } from '../domain/expiry';
import type { GrantRecord, GrantState } from '../domain/grant-record';
import type { CustomerSync } from './customer-sync';
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
  /** Active promotional access someone else gave, as the ledger last saw it (ADR 0029). */
  otherPromotional: Expiry | undefined;
  /** The active store purchase giving the entitlement, from the stored snapshot. */
  store: Expiry | undefined;
}

export interface TeamAccessReport {
  team: TeamSummary;
  /** This page's rows. */
  grants: MemberGrantRow[];
  outOfSync: number;
  generatedAtMs: number;
  /** The last user id of this page when more follow; null on the last page. */
  nextAfter: string | null;
  /** Seat holders of the team, all pages. */
  totalMembers: number;
}

export interface ReportPage {
  /** Members per page. */
  size: number;
  /** Start after this user id (null: the first page). */
  after: string | null;
}

/** How far a team's reconciliation got: members done of the roster, and what they needed. */
export interface ReconcileProgress {
  done: number;
  total: number;
  granted: number;
  revoked: number;
  failed: number;
}

export interface ReconcileTeamResult {
  report: TeamAccessReport;
  granted: number;
  revoked: number;
  failed: number;
}

/** Without paging options: the first page of 500 members. */
const FIRST_PAGE: ReportPage = { size: 500, after: null };

/** GetTeamAccessReport and ReconcileTeam (entitlement_service.proto). */
export function createTeamAccessReports(deps: {
  teams: TeamDirectory;
  customers: CustomerRepository;
  sync: CustomerSync;
  reconciler: UserReconciler;
  concurrency?: number;
  /** Wall clock. */
  now: () => number;
}) {
  const { teams, customers, sync, reconciler } = deps;

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
    customer: CustomerRecord | undefined,
  ): MemberGrantRow {
    const nowMs = deps.now();
    const active = (expiry: Expiry | undefined) =>
      expiry !== undefined && expiry > nowMs ? expiry : undefined;
    const store = customer?.snapshot
      ? entitlementAccess(customer.snapshot, entitlement, new Map(), nowMs).sources.find(
          (s) => s.kind === 'store',
        )
      : undefined;
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
      otherPromotional: active(found?.others),
      store: active(store?.expiresAt),
    };
  }

  /**
   * One page of the report, members in user id order from `page.after`: a member on the team throughout
   * the paging is on exactly one page, whatever joins or leaves meanwhile. Only this page's members'
   * records are read.
   */
  async function report(teamId: string, page: ReportPage = FIRST_PAGE): Promise<TeamAccessReport> {
    const team = await requireTeam(teamId);
    const all = (await teams.rosterOf(teamId))
      .filter((entry) => entry.holdsSeat)
      .map((entry) => entry.userId)
      .sort();
    const from = page.after === null ? 0 : all.findIndex((userId) => userId > page.after!);
    const seated = from < 0 ? [] : all.slice(from, from + page.size);
    const more = from >= 0 && from + page.size < all.length;
    const records = new Map((await customers.getMany(seated)).map((customer) => [customer.userId, customer]));
    const grants = seated.flatMap((userId) => {
      const customer = records.get(userId);
      return [...team.memberEntitlements].sort().map((entitlement) => {
        const found = customer?.grants.find((g) => g.entitlement === entitlement);
        return row(userId, entitlement, team, found, customer);
      });
    });
    const outOfSync = grants.filter((g) => g.state !== 'in-sync' && g.state !== 'revoked').length;
    return {
      team,
      grants,
      outOfSync,
      generatedAtMs: deps.now(),
      nextAfter: more ? (seated[seated.length - 1] ?? null) : null,
      totalMembers: all.length,
    };
  }

  return {
    report,

    /**
     * Re-reads the team's subscriber from RevenueCat and applies the team's state (a RENEWAL or EXPIRATION
     * that never arrived), then reconciles every seat holder now (the sweep's work for one team); then
     * reports. A changed period reaches the members through team-service's grant-terms facts, as after a
     * webhook (ADR 0016). `onProgress` hears the counts after each member (ReconcileTeamWithProgress streams
     * them, ADR 0034); an aborted `signal` stops the work after the members in flight, which stay repaired.
     */
    async reconcileTeam(
      teamId: string,
      options: { onProgress?: (progress: ReconcileProgress) => void; signal?: AbortSignal } = {},
    ): Promise<ReconcileTeamResult> {
      const team = await requireTeam(teamId);
      await sync.sync(team.subscriberUserId, {
        cause: 'reconcile',
        causationId: `reconcile-team:${teamId}`,
        applyTeams: true,
      });
      const users = (await teams.rosterOf(teamId)).map((entry) => entry.userId);
      const progress: ReconcileProgress = { done: 0, total: users.length, granted: 0, revoked: 0, failed: 0 };
      options.onProgress?.({ ...progress });
      const queue = [...users];
      const worker = async () => {
        for (let userId = queue.shift(); userId !== undefined; userId = queue.shift()) {
          if (options.signal?.aborted) return;
          const result = await reconciler.reconcile(userId, {
            cause: 'reconcile',
            causationId: `reconcile-team:${teamId}`,
            teamId,
          });
          progress.done += 1;
          progress.granted += result.granted;
          progress.revoked += result.revoked;
          progress.failed += result.failed;
          options.onProgress?.({ ...progress });
        }
      };
      await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 8, users.length) }, worker));
      options.signal?.throwIfAborted();
      const { granted, revoked, failed } = progress;
      return { report: await report(teamId), granted, revoked, failed };
    },
  };
}

export type TeamAccessReports = ReturnType<typeof createTeamAccessReports>;

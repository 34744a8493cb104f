import { toAppError, type AppError } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import { mergePatch, type CustomerRecord } from '../domain/customer';
import { computeDesiredGrants } from '../domain/desired-grants';
import { diffEntitlements } from '../domain/entitlement-changes';
import { HOUR_MS } from '../domain/expiry';
import { planGrantSteps } from '../domain/grant-plan';
import { sameGrants, teamGrantsOf, type GrantRecord } from '../domain/grant-record';
import { outsidePromotional, promotionalTarget } from '../domain/outside-grants';
import { promotionalEnds, promotionalExpiry, type Subscriber } from '../domain/subscriber';
import type { TeamProduct } from '../domain/team-product';
import { applyTeamTerms, holdingsOf, sameTerms, type TeamTerms } from '../domain/team-terms';
import { isNewerSnapshot } from '../domain/watermark';
import type { AccessCache } from './access-cache';
import { createGrantExecutor } from './grant-executor';
import type {
  ChangeContext,
  ChangePublisher,
  CustomerRepository,
  RetryQueueRepository,
  RevenueCatClient,
} from './ports';
import type { UserLocks } from './user-locks';

export interface ReconcileResult {
  userId: string;
  granted: number;
  revoked: number;
  failed: number;
  grants: GrantRecord[];
}

export type UserReconciler = ReturnType<typeof createUserReconciler>;

/**
 * team-service's current terms for the pair of a fact (GetMemberGrant); undefined when it knows no such
 * team. Failures are retriable AppErrors (team-service unreachable): the fact waits, nothing is granted.
 */
export type ConfirmTerms = (userId: string, terms: TeamTerms) => Promise<TeamTerms | undefined>;

/**
 * Reconciles one user (DESIGN §4.3-4.6): per member entitlement, the grant wanted across every team in
 * which the user holds a seat, made to match RevenueCat, each outcome recorded in the grant ledger. What
 * each team gives comes only from the grant-terms facts team-service publishes, kept per team in the
 * user's document (ADR 0016): nothing is read back from team-service. Only entitlements the ledger knows
 * (or wants now) are touched, and there access others gave is never shortened (ADR 0029). One read and at
 * most one write of the user's document; running it twice changes nothing the second time.
 */
export function createUserReconciler(deps: {
  revenuecat: RevenueCatClient;
  customers: CustomerRepository;
  retries: RetryQueueRepository;
  publisher: ChangePublisher;
  products: readonly TeamProduct[];
  cache: AccessCache;
  locks: UserLocks;
  defaultBufferMs: number;
  /** Overrides every product's grantBufferHours (GRANT_BUFFER_HOURS). */
  bufferOverrideMs?: number | undefined;
  logger: Logger;
  /** Wall clock. */
  now: () => number;
}) {
  const { revenuecat, customers, retries, publisher, products, cache, locks } = deps;
  const log = deps.logger.child({ module: 'reconciler' });
  const executor = createGrantExecutor({ revenuecat, logger: log, wallClock: deps.now });

  function bufferOf(productId: string): number {
    if (deps.bufferOverrideMs !== undefined) return deps.bufferOverrideMs;
    const hours = products.find((p) => p.productId === productId)?.grantBufferHours;
    return hours === undefined ? deps.defaultBufferMs : hours * HOUR_MS;
  }

  return {
    /** Makes RevenueCat match the terms the user's teams last gave (a retry, a sync, the sweep). */
    reconcile(userId: string, context: ChangeContext): Promise<ReconcileResult> {
      return locks.run(userId, async () => reconcileFrom(userId, context, await customers.get(userId)));
    },
    /**
     * Records one team's new terms for the user and reconciles from all of the user's teams, in the same
     * write. A fact not newer than the stored terms of its team changes nothing (undefined), unless the
     * user's last reconcile left work pending: a fact redelivered after a transient failure (its terms were
     * stored with the pending rows) then finishes that work instead of waiting for the sweep.
     *
     * With `confirm`, a fact that would give access (until or lifetime) is not taken on its word: the
     * terms team-service answers now are applied instead, so a forged or replayed fact never grants more
     * than the team's current roster and version support, and a forged version never blocks later facts.
     * A fact for a team team-service does not know changes nothing. Revokes (none) need no check (ADR 0021).
     */
    applyTerms(
      userId: string,
      terms: TeamTerms,
      context: ChangeContext,
      { confirm }: { confirm?: ConfirmTerms } = {},
    ): Promise<ReconcileResult | undefined> {
      return locks.run(userId, async () => {
        const stored = await customers.get(userId);
        const storedTerms = stored?.teamTerms ?? [];
        let applied = applyTeamTerms(storedTerms, terms);
        if (applied.changed && confirm && terms.grant.kind !== 'none') {
          const current = await confirm(userId, terms);
          if (!sameTerms(current, terms)) {
            log.warn(
              { userId, teamId: terms.teamId, teamVersion: terms.teamVersion, current: current?.teamVersion },
              current
                ? "grant terms differ from team-service's: acting on team-service's"
                : 'grant terms for a team team-service does not know: ignored',
            );
          }
          applied = current
            ? applyTeamTerms(storedTerms, current)
            : { terms: [...storedTerms], changed: false };
        }
        if (applied.changed) return reconcileFrom(userId, context, stored, applied.terms);
        return stored?.retryQueued ? reconcileFrom(userId, context, stored) : undefined;
      });
    },
  };

  /** `newTerms`: the user's terms after a fact, written with the outcome; undefined keeps the stored ones. */
  async function reconcileFrom(
    userId: string,
    context: ChangeContext,
    stored: CustomerRecord | undefined,
    newTerms?: TeamTerms[],
  ): Promise<ReconcileResult> {
    const teamTerms = newTerms ?? stored?.teamTerms ?? [];
    const holdings = holdingsOf(teamTerms, bufferOf);
    const desired = computeDesiredGrants(holdings, {
      nowMs: revenuecat.clock.now(),
      bufferMs: deps.defaultBufferMs,
    });
    const rows = new Map((stored?.grants ?? []).map((row) => [row.entitlement, row]));
    const entitlements = [...new Set([...desired.keys(), ...rows.keys()])].sort();
    const result: ReconcileResult = { userId, granted: 0, revoked: 0, failed: 0, grants: [] };
    let latest: Subscriber | undefined;
    let transient: AppError | undefined;

    for (const entitlement of entitlements) {
      const row = rows.get(entitlement);
      const nowMs = revenuecat.clock.now();
      const view = latest ?? stored?.snapshot;
      const current = view ? promotionalExpiry(view, entitlement) : row?.confirmed;
      // Access someone else gave is never cut: the plan aims at no less than it (ADR 0029).
      const others = view
        ? outsidePromotional(promotionalEnds(view, entitlement), row, { nowMs })
        : row?.others !== undefined && row.others > nowMs
          ? row.others
          : undefined;
      const input = { userId, entitlement, want: desired.get(entitlement), row, others };
      if (transient) {
        result.grants.push(input.row ?? executor.failed(input, transient));
        continue;
      }
      const plan = { nowMs, revokeBeforeAnyGrant: revenuecat.apiVersion === 'v2' };
      const steps = planGrantSteps(promotionalTarget(input.want?.expiresAt, others), current, plan);
      if (steps.length === 0) {
        result.grants.push(executor.settle({ ...input, current }));
        continue;
      }
      try {
        const outcome = await executor.execute({ ...input, steps });
        latest = outcome.subscriber ?? latest;
        result.granted += outcome.granted;
        result.revoked += outcome.revoked;
        result.grants.push(outcome.record);
      } catch (thrown) {
        const error = toAppError(thrown);
        result.grants.push(executor.failed(input, error));
        if (error.retriable) transient = error;
        else
          log.error({ err: error, userId, entitlement }, 'grant rejected by RevenueCat; left to the sweep');
      }
    }
    result.failed = result.grants.filter((g) => g.state === 'failed').length;

    // One write for the whole user: the newest snapshot and every ledger row, after publishing the changes.
    const snapshot =
      latest && isNewerSnapshot(latest.requestDateMs, stored?.fetchedAtMs) ? latest : undefined;
    if (snapshot) {
      await publisher.publish(
        diffEntitlements(stored?.snapshot, snapshot, teamGrantsOf(result.grants)),
        context,
      );
    }
    const troubled = result.grants.filter((g) => g.nextAttemptAtMs !== undefined && g.state !== 'in-sync');
    const retryQueued = troubled.length > 0;
    if (
      snapshot ||
      newTerms ||
      !sameGrants(result.grants, stored?.grants ?? []) ||
      retryQueued !== (stored?.retryQueued ?? false)
    ) {
      const patch = { snapshot, grants: result.grants, retryQueued, ...(newTerms ? { teamTerms } : {}) };
      const revision = await customers.update(userId, patch, { isNew: !stored });
      cache.remember(mergePatch(userId, stored, patch, revision, deps.now()));
    } else if (stored) {
      cache.remember(stored);
    }
    if (retryQueued) await retries.schedule(userId, Math.min(...troubled.map((g) => g.nextAttemptAtMs!)));
    else if (stored?.retryQueued) await retries.clear(userId);
    if (transient) throw transient;
    return result;
  }
}

import { toAppError } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import type { CustomerRepository } from '../data-access/customer-repository';
import type { GrantLedgerRepository, GrantRecord } from '../data-access/grant-ledger-repository';
import type { TeamDirectory, TeamSummary, TeamRole } from '../data-access/team-directory';
import { computeDesiredGrants, type SeatHolding } from '../domain/desired-grants';
import { HOUR_MS } from '../domain/expiry';
import { grantMatches, planGrantSteps } from '../domain/grant-plan';
import { promotionalExpiry, type Subscriber } from '../domain/subscriber';
import type { TeamProduct } from '../domain/team-product';
import type { RevenueCatClient } from '../revenuecat/revenuecat-client';
import type { AccessCache } from './access-cache';
import type { ChangeContext } from './change-publisher';
import type { CustomerSync } from './customer-sync';
import { createGrantExecutor, type GrantOutcome } from './grant-executor';

export interface ReconcileResult {
  userId: string;
  granted: number;
  revoked: number;
  failed: number;
  grants: GrantRecord[];
}

export type UserReconciler = ReturnType<typeof createUserReconciler>;

/**
 * Reconciles one user (DESIGN §4.3-4.6): per member entitlement, the grant wanted across every team in
 * which the user holds a seat, made to match RevenueCat, each step recorded in the grant ledger. Only
 * entitlements the ledger knows (or wants now) are touched, so grants made by others are left alone.
 * Running it twice changes nothing the second time.
 */
export function createUserReconciler(deps: {
  teams: TeamDirectory;
  revenuecat: RevenueCatClient;
  customers: CustomerRepository;
  ledger: GrantLedgerRepository;
  sync: CustomerSync;
  products: readonly TeamProduct[];
  cache: AccessCache;
  defaultBufferMs: number;
  /** Overrides every product's grantBufferHours (GRANT_BUFFER_HOURS). */
  bufferOverrideMs?: number | undefined;
  logger: Logger;
}) {
  const { teams, revenuecat, customers, ledger, products, cache } = deps;
  const log = deps.logger.child({ module: 'reconciler' });
  const executor = createGrantExecutor({ revenuecat, ledger, sync: deps.sync, logger: log });

  function bufferFor(team: TeamSummary): number {
    if (deps.bufferOverrideMs !== undefined) return deps.bufferOverrideMs;
    const hours = products.find((p) => p.productId === team.productId)?.grantBufferHours;
    return hours === undefined ? deps.defaultBufferMs : hours * HOUR_MS;
  }

  const toHolding = ({ team, role }: { team: TeamSummary; role: TeamRole }): SeatHolding => ({
    teamId: team.teamId,
    status: team.status,
    periodEndsAt: team.periodEndsAt,
    memberEntitlements: team.memberEntitlements,
    grantMode: team.grantMode,
    holdsSeat: role !== 'owner' || team.ownerTakesSeat,
    bufferMs: bufferFor(team),
  });

  function currentOf(snapshot: Subscriber | undefined, row: GrantRecord | undefined, entitlement: string) {
    return snapshot ? promotionalExpiry(snapshot, entitlement) : row?.confirmed;
  }

  return {
    async reconcile(userId: string, context: ChangeContext): Promise<ReconcileResult> {
      const memberships = await teams.teamsOfUser(userId);
      const nowMs = revenuecat.clock.now();
      const desired = computeDesiredGrants(memberships.map(toHolding), {
        nowMs,
        bufferMs: deps.defaultBufferMs,
      });
      const rows = new Map((await ledger.forUser(userId)).map((row) => [row.entitlement, row]));
      const entitlements = [...new Set([...desired.keys(), ...rows.keys()])].sort();
      let snapshot = (await customers.get(userId))?.snapshot;
      const result: ReconcileResult = { userId, granted: 0, revoked: 0, failed: 0, grants: [] };

      for (const entitlement of entitlements) {
        const want = desired.get(entitlement);
        const row = rows.get(entitlement);
        const current = currentOf(snapshot, row, entitlement);
        const plan = { nowMs: revenuecat.clock.now(), revokeBeforeAnyGrant: revenuecat.apiVersion === 'v2' };
        const steps = planGrantSteps(want?.expiresAt, current, plan);
        let outcome: GrantOutcome;
        if (steps.length === 0) {
          outcome = await executor.settle({
            userId,
            entitlement,
            want,
            current,
            row,
            matched: grantMatches(want?.expiresAt, current, plan),
          });
        } else {
          try {
            outcome = await executor.execute({ userId, entitlement, want, row, steps, context });
          } catch (error) {
            const appError = toAppError(error);
            await executor.recordFailure({ userId, entitlement, want, row, error: appError });
            cache.invalidate(userId);
            if (appError.retriable) throw appError;
            log.error(
              { err: appError, userId, entitlement },
              'grant rejected by RevenueCat; left to the sweep',
            );
            result.failed += 1;
            continue;
          }
        }
        if (outcome.subscriber) snapshot = outcome.subscriber;
        result.granted += outcome.granted;
        result.revoked += outcome.revoked;
        if (outcome.record.state === 'failed') result.failed += 1;
        result.grants.push(outcome.record);
      }
      cache.invalidate(userId);
      return result;
    },
  };
}

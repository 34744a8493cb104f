import type { AppError } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import type { DesiredGrant } from '../domain/desired-grants';
import { isLifetime, type Expiry } from '../domain/expiry';
import { grantMatches, type GrantStep } from '../domain/grant-plan';
import type { GrantRecord, GrantState } from '../domain/grant-record';
import { outsidePromotional, promotionalTarget } from '../domain/outside-grants';
import { promotionalEnds, promotionalExpiry, type Subscriber } from '../domain/subscriber';
import type { RevenueCatClient } from './ports';

export interface GrantOutcome {
  record: GrantRecord;
  /** The customer after the last call, when calls were made. */
  subscriber: Subscriber | undefined;
  granted: number;
  revoked: number;
}

export interface GrantInput {
  userId: string;
  entitlement: string;
  want: DesiredGrant | undefined;
  row: GrantRecord | undefined;
  /** Promotional access someone else gave, as the reconcile judged it (ADR 0029). */
  others: Expiry | undefined;
}

const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 6 * 3_600_000;
const describe = (expiry: Expiry | undefined) =>
  expiry === undefined ? 'none' : isLifetime(expiry) ? 'lifetime' : new Date(expiry).toISOString();

/** When the sweep tries a failing row again: one minute, doubling, at most six hours. */
export const nextAttemptAt = (attempts: number, nowMs: number) =>
  nowMs + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));

function base({ userId, entitlement, want, row, others }: GrantInput): GrantRecord {
  return {
    userId,
    entitlement,
    teamIds: want?.teamIds ?? [],
    desired: want?.expiresAt,
    confirmed: row?.confirmed,
    others,
    confirmedAtMs: row?.confirmedAtMs,
    state: row?.state ?? 'revoked',
    attempts: row?.attempts ?? 0,
    lastError: row?.lastError,
    lastAttemptAtMs: row?.lastAttemptAtMs,
    nextAttemptAtMs: row?.nextAttemptAtMs,
  };
}

/**
 * Makes the RevenueCat calls of a grant plan for one (user, entitlement) and returns the ledger row that
 * results; the caller stores all of a user's rows at once. The calls aim at the target (what the teams want,
 * never less than others gave, ADR 0029), verified against the expiry RevenueCat returns. An answer showing
 * a grant of someone else not seen before raises the target to it, never cuts it. When the expiry did not
 * move (the two-hour duplicate rule, or any other reason) it is repaired once with a revoke and a fresh
 * grant, and the row is marked failed if even that does not hold.
 */
export function createGrantExecutor({
  revenuecat,
  logger,
  wallClock,
}: {
  revenuecat: RevenueCatClient;
  logger: Logger;
  /** Wall clock, for the ledger's attempt times; expiries are judged on RevenueCat's clock. */
  wallClock: () => number;
}) {
  const now = () => revenuecat.clock.now();

  return {
    /** Nothing to call: the row says what holds. */
    settle(input: GrantInput & { current: Expiry | undefined }): GrantRecord {
      const row = input.row;
      return {
        ...base(input),
        confirmed: input.current,
        confirmedAtMs: row && row.confirmed === input.current ? row.confirmedAtMs : wallClock(),
        state: input.want === undefined ? 'revoked' : 'in-sync',
        attempts: 0,
        lastError: undefined,
        nextAttemptAtMs: undefined,
      };
    },

    async execute(input: GrantInput & { steps: GrantStep[] }): Promise<GrantOutcome> {
      const { userId, entitlement, want } = input;
      let subscriber: Subscriber | undefined;
      let granted = 0;
      let revoked = 0;
      let lastGrant: Expiry | undefined;
      const run = async (steps: GrantStep[]) => {
        for (const step of steps) {
          if (step.op === 'revoke') {
            subscriber = await revenuecat.revoke(userId, entitlement);
            revoked += 1;
          } else {
            subscriber = await revenuecat.grant(userId, entitlement, step.expiresAt);
            lastGrant = step.expiresAt;
            granted += 1;
          }
        }
      };
      // Others' access after the calls: what was known, raised by a grant of someone else this answer shows
      // reaching past our last grant (a shorter entry may be our own grant RevenueCat did not extend).
      const othersNow = () => {
        if (lastGrant === undefined) return input.others;
        const memory = { confirmed: lastGrant, others: input.others };
        const seen = outsidePromotional(promotionalEnds(subscriber!, entitlement), memory, { nowMs: now() });
        return seen !== undefined && seen > lastGrant ? promotionalTarget(input.others, seen) : input.others;
      };
      await run(input.steps);
      let others = othersNow();
      let target = promotionalTarget(want?.expiresAt, others);
      let confirmed = promotionalExpiry(subscriber!, entitlement);
      if (target !== undefined && !grantMatches(target, confirmed, { nowMs: now() })) {
        logger.warn(
          { userId, entitlement, wanted: describe(target), got: describe(confirmed) },
          'RevenueCat did not extend the grant; repairing',
        );
        await run([{ op: 'revoke' }, { op: 'grant', expiresAt: target }]);
        others = othersNow();
        target = promotionalTarget(want?.expiresAt, others);
        confirmed = promotionalExpiry(subscriber!, entitlement);
      }
      const holds = grantMatches(target, confirmed, { nowMs: now() });
      const attempts = (input.row?.attempts ?? 0) + 1;
      const at = wallClock();
      const record: GrantRecord = holds
        ? {
            ...base(input),
            confirmed,
            others,
            confirmedAtMs: at,
            state: want === undefined ? 'revoked' : 'in-sync',
            attempts: 0,
            lastError: undefined,
            lastAttemptAtMs: at,
            nextAttemptAtMs: undefined,
          }
        : {
            ...base(input),
            confirmed,
            others,
            confirmedAtMs: at,
            state: 'failed',
            attempts,
            lastError: `RevenueCat reports ${describe(confirmed)} after repair; wanted ${describe(target)}`,
            lastAttemptAtMs: at,
            nextAttemptAtMs: nextAttemptAt(attempts, at),
          };
      return { record, subscriber, granted, revoked };
    },

    /** The row after a failed call: pending when it will be retried, failed when RevenueCat refused. */
    failed(input: GrantInput, error: AppError): GrantRecord {
      const attempts = (input.row?.attempts ?? 0) + 1;
      const pending: GrantState = input.want === undefined ? 'revoke-pending' : 'grant-pending';
      const at = wallClock();
      return {
        ...base(input),
        state: error.retriable ? pending : 'failed',
        attempts,
        lastError: `${error.reason}: ${error.message}`,
        lastAttemptAtMs: at,
        nextAttemptAtMs: nextAttemptAt(attempts, at),
      };
    },
  };
}

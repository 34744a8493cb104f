import type { AppError } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import type { DesiredGrant } from '../domain/desired-grants';
import { isLifetime, type Expiry } from '../domain/expiry';
import { grantMatches, type GrantStep } from '../domain/grant-plan';
import type { GrantRecord, GrantState } from '../domain/grant-record';
import { promotionalExpiry, type Subscriber } from '../domain/subscriber';
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
}

const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 6 * 3_600_000;
const describe = (expiry: Expiry | undefined) =>
  expiry === undefined ? 'none' : isLifetime(expiry) ? 'lifetime' : new Date(expiry).toISOString();

/** When the sweep tries a failing row again: one minute, doubling, at most six hours. */
export const nextAttemptAt = (attempts: number, nowMs: number) =>
  nowMs + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));

function base({ userId, entitlement, want, row }: GrantInput): GrantRecord {
  return {
    userId,
    entitlement,
    teamIds: want?.teamIds ?? [],
    desired: want?.expiresAt,
    confirmed: row?.confirmed,
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
 * results; the caller stores all of a user's rows at once. A grant is verified against the expiry
 * RevenueCat returns; when it did not move (the two-hour duplicate rule, or any other reason) it is repaired
 * once with a revoke and a fresh grant, and the row is marked failed if even that does not hold.
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
      const run = async (steps: GrantStep[]) => {
        for (const step of steps) {
          if (step.op === 'revoke') {
            subscriber = await revenuecat.revoke(userId, entitlement);
            revoked += 1;
          } else {
            subscriber = await revenuecat.grant(userId, entitlement, step.expiresAt);
            granted += 1;
          }
        }
      };
      await run(input.steps);
      let confirmed = promotionalExpiry(subscriber!, entitlement);
      if (want !== undefined && !grantMatches(want.expiresAt, confirmed, { nowMs: now() })) {
        logger.warn(
          { userId, entitlement, wanted: describe(want.expiresAt), got: describe(confirmed) },
          'RevenueCat did not extend the grant; repairing',
        );
        await run([{ op: 'revoke' }, { op: 'grant', expiresAt: want.expiresAt }]);
        confirmed = promotionalExpiry(subscriber!, entitlement);
      }
      const holds = grantMatches(want?.expiresAt, confirmed, { nowMs: now() });
      const attempts = (input.row?.attempts ?? 0) + 1;
      const at = wallClock();
      const record: GrantRecord = holds
        ? {
            ...base(input),
            confirmed,
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
            confirmedAtMs: at,
            state: 'failed',
            attempts,
            lastError: `RevenueCat reports ${describe(confirmed)} after repair; wanted ${describe(want?.expiresAt)}`,
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

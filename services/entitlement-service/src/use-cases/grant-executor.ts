import type { AppError } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import type { GrantLedgerRepository, GrantRecord, GrantState } from '../data-access/grant-ledger-repository';
import type { DesiredGrant } from '../domain/desired-grants';
import { isLifetime, type Expiry } from '../domain/expiry';
import { grantMatches, type GrantStep } from '../domain/grant-plan';
import { promotionalExpiry, type Subscriber } from '../domain/subscriber';
import type { RevenueCatClient } from '../revenuecat/revenuecat-client';
import type { ChangeContext } from './change-publisher';
import type { CustomerSync } from './customer-sync';

export interface GrantOutcome {
  record: GrantRecord;
  subscriber: Subscriber | undefined;
  granted: number;
  revoked: number;
}

const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 6 * 3_600_000;
const describe = (expiry: Expiry | undefined) =>
  expiry === undefined ? 'none' : isLifetime(expiry) ? 'lifetime' : new Date(expiry).toISOString();

/**
 * Makes the RevenueCat calls of a grant plan, one entitlement of one user at a time, and keeps the ledger
 * row in step: the intent before the calls, the confirmed expiry after. A grant is verified against the
 * expiry RevenueCat returns; when it did not move (the two-hour duplicate rule, or any other reason) it is
 * repaired once with a revoke and a fresh grant, and recorded as failed if even that does not hold.
 */
export function createGrantExecutor(deps: {
  revenuecat: RevenueCatClient;
  ledger: GrantLedgerRepository;
  sync: CustomerSync;
  logger: Logger;
}) {
  const { revenuecat, ledger, sync, logger } = deps;
  const now = () => revenuecat.clock.now();
  const nextAttempt = (attempts: number) =>
    Date.now() + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));

  function base(
    userId: string,
    entitlement: string,
    want: DesiredGrant | undefined,
    row: GrantRecord | undefined,
  ): GrantRecord {
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

  const same = (a: GrantRecord, b: GrantRecord | undefined) =>
    b !== undefined && JSON.stringify({ ...a }) === JSON.stringify({ ...b });

  return {
    /** Nothing to call: make the row say so (written only when it differs). */
    async settle(input: {
      userId: string;
      entitlement: string;
      want: DesiredGrant | undefined;
      current: Expiry | undefined;
      row: GrantRecord | undefined;
      matched: boolean;
    }): Promise<GrantOutcome> {
      const record: GrantRecord = {
        ...base(input.userId, input.entitlement, input.want, input.row),
        confirmed: input.current,
        state: input.want === undefined ? 'revoked' : 'in-sync',
        attempts: 0,
        lastError: undefined,
        nextAttemptAtMs: undefined,
      };
      if (!same(record, input.row)) {
        await ledger.save({
          ...record,
          confirmedAtMs: input.row?.confirmed === input.current ? input.row?.confirmedAtMs : Date.now(),
        });
      }
      return { record, subscriber: undefined, granted: 0, revoked: 0 };
    },

    async execute(input: {
      userId: string;
      entitlement: string;
      want: DesiredGrant | undefined;
      row: GrantRecord | undefined;
      steps: GrantStep[];
      context: ChangeContext;
    }): Promise<GrantOutcome> {
      const { userId, entitlement, want, row, context } = input;
      const pendingState: GrantState = want === undefined ? 'revoke-pending' : 'grant-pending';
      const attempts = (row?.attempts ?? 0) + 1;
      const intent: GrantRecord = {
        ...base(userId, entitlement, want, row),
        state: pendingState,
        attempts,
        lastAttemptAtMs: Date.now(),
        nextAttemptAtMs: nextAttempt(attempts),
      };
      await ledger.save(intent);

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
          await sync.record(subscriber, context);
        }
      };
      await run(input.steps);
      const options = { nowMs: now() };
      let confirmed = promotionalExpiry(subscriber!, entitlement);
      if (want !== undefined && !grantMatches(want.expiresAt, confirmed, options)) {
        logger.warn(
          { userId, entitlement, wanted: describe(want.expiresAt), got: describe(confirmed) },
          'RevenueCat did not extend the grant; repairing',
        );
        await run([{ op: 'revoke' }, { op: 'grant', expiresAt: want.expiresAt }]);
        confirmed = promotionalExpiry(subscriber!, entitlement);
      }
      const holds = grantMatches(want?.expiresAt, confirmed, { nowMs: now() });
      const record: GrantRecord = holds
        ? {
            ...intent,
            confirmed,
            confirmedAtMs: Date.now(),
            state: want === undefined ? 'revoked' : 'in-sync',
            attempts: 0,
            lastError: undefined,
            nextAttemptAtMs: undefined,
          }
        : {
            ...intent,
            confirmed,
            confirmedAtMs: Date.now(),
            state: 'failed',
            lastError: `RevenueCat reports ${describe(confirmed)} after repair; wanted ${describe(want?.expiresAt)}`,
          };
      await ledger.save(record);
      return { record, subscriber, granted, revoked };
    },

    async recordFailure(input: {
      userId: string;
      entitlement: string;
      want: DesiredGrant | undefined;
      row: GrantRecord | undefined;
      error: AppError;
    }): Promise<void> {
      const { userId, entitlement, want, row, error } = input;
      const attempts = (row?.attempts ?? 0) + 1;
      await ledger.save({
        ...base(userId, entitlement, want, row),
        state: error.retriable ? (want === undefined ? 'revoke-pending' : 'grant-pending') : 'failed',
        attempts,
        lastError: `${error.reason}: ${error.message}`,
        lastAttemptAtMs: Date.now(),
        nextAttemptAtMs: nextAttempt(attempts),
      });
    },
  };
}

import { setTimeout as sleep } from 'node:timers/promises';
import { AppError, toAppError } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import type { ApiVersion, CallOptions, RevenueCatClient } from '../../application/ports';
import { createKeyedSerializer } from '../../application/keyed-serializer';
import { isLifetime, type Expiry } from '../../domain/expiry';
import type { Subscriber } from '../../domain/subscriber';
import type { BreakerState, RevenueCatBreaker } from './circuit-breaker';
import type { HttpRequest, HttpTransport } from './http-transport';
import type { ScheduleOptions } from './rate-limiter';
import { callCancelledError, isLimiterRefusal } from './revenuecat-errors';
import type { RevenueCatClock } from './revenuecat-clock';
import type { RevenueCatMetrics } from './revenuecat-metrics';
import { FAR_FUTURE_MS, parseSubscriberBody } from './subscriber-parser';
import { createV2EntitlementIds } from './v2-entitlement-ids';

/** The port use cases call, with what the composition root also needs: the whole clock and the breaker. */
export interface HttpRevenueCatClient extends RevenueCatClient {
  readonly clock: RevenueCatClock;
  breakerState(): BreakerState;
}

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A requested wait longer than this is not waited out in-process: the caller pauses instead. */
  maxInlineWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxInlineWaitMs: 10_000,
};

const enc = encodeURIComponent;

/** Taking access away never waits behind anything else (ADR 0022). */
const REVOKE: ScheduleOptions = { lane: 'revoke' };

const scheduleOptions = (options: CallOptions = {}): ScheduleOptions => ({
  lane: options.priority ?? 'background',
  signal: options.signal,
});

/**
 * The RevenueCat REST client (REVENUECAT.md). Reads always use v1 `GET /subscribers`, the only call that
 * reports per-purchase store, ownership and grace, which team state needs. Grants and revokes use v1 by
 * default, or v2 (`grant_entitlement` / `revoke_granted_entitlement`) when selected; after a v2 write the
 * customer is read again, since v2 answers do not separate promotional grants from purchases.
 *
 * Calls for one user are serialised; each attempt goes through the shared limiter and the breaker; 5xx,
 * 429, 423, timeouts and network errors are retried a bounded number of times with full jitter (or after
 * the delay RevenueCat asked for). An open breaker is never retried here: the caller pauses.
 */
export function createRevenueCatClient({
  transport,
  breaker,
  clock,
  metrics,
  logger,
  apiKey,
  apiVersion = 'v1',
  v2ApiKey = apiKey,
  projectId,
  retry = DEFAULT_RETRY_POLICY,
  random = Math.random,
}: {
  transport: HttpTransport;
  breaker: RevenueCatBreaker;
  clock: RevenueCatClock;
  metrics: RevenueCatMetrics;
  logger: Logger;
  apiKey: string;
  apiVersion?: ApiVersion;
  v2ApiKey?: string;
  projectId?: string;
  retry?: RetryPolicy;
  random?: () => number;
}): HttpRevenueCatClient {
  if (apiVersion === 'v2' && !projectId) throw new Error('REVENUECAT_PROJECT_ID is required with API v2');
  const log = logger.child({ module: 'revenuecat' });
  const perUser = createKeyedSerializer();
  const project = `/v2/projects/${enc(projectId ?? '')}`;

  async function withRetries(request: HttpRequest, options: ScheduleOptions = {}) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await transport.attempt(request, options);
      } catch (thrown) {
        const error = toAppError(thrown);
        // A full queue or a caller that gave up is not RevenueCat failing: retrying here would only queue again.
        if (!error.retriable || error.details.breaker === 'open' || isLimiterRefusal(error)) throw error;
        if (attempt >= retry.maxAttempts) throw error;
        const requested = Number(error.details.retryAfterMs);
        if (Number.isFinite(requested) && requested > retry.maxInlineWaitMs) throw error;
        const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)) * random();
        const delay = Number.isFinite(requested) && requested > 0 ? requested : backoff;
        metrics.retry(request.operation, error.reason);
        log.debug(
          { operation: request.operation, attempt, delayMs: Math.round(delay), reason: error.reason },
          'retrying',
        );
        await sleep(delay, undefined, { signal: options.signal }).catch((aborted: unknown) => {
          throw callCancelledError(request.operation, aborted);
        });
      }
    }
  }

  function subscriberFrom(appUserId: string, answer: { body: unknown; receivedAtMs: number }): Subscriber {
    const subscriber = parseSubscriberBody(appUserId, answer.body, answer.receivedAtMs);
    clock.observe(subscriber.requestDateMs, answer.receivedAtMs);
    return subscriber;
  }

  const getSubscriberNow = async (appUserId: string, options: ScheduleOptions = {}) =>
    subscriberFrom(
      appUserId,
      await withRetries(
        {
          operation: 'get_subscriber',
          method: 'GET',
          path: `/v1/subscribers/${enc(appUserId)}`,
          subject: appUserId,
          apiKey,
        },
        options,
      ),
    );

  const v2Ids = createV2EntitlementIds({
    list: async (path) =>
      (
        await withRetries({
          operation: 'list_entitlements',
          method: 'GET',
          path: path ?? `${project}/entitlements?limit=100`,
          apiKey: v2ApiKey,
        })
      ).body,
  });

  /**
   * v2 never creates customers, and users of v1 report its promotional grant answering 404 until the
   * customer exists (ADR 0029): on 404 the v1 read creates the customer and the call is made again at once.
   * A second 404 (an entitlement RevenueCat does not know) is a rejection.
   */
  async function creatingCustomer<T>(appUserId: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
      log.debug({ appUserId }, 'RevenueCat does not know the customer yet: creating it');
      await getSubscriberNow(appUserId);
      return send();
    }
  }

  async function grantNow(appUserId: string, entitlement: string, expiresAt: Expiry): Promise<Subscriber> {
    if (apiVersion === 'v2') {
      const request: HttpRequest = {
        operation: 'grant',
        method: 'POST',
        path: `${project}/customers/${enc(appUserId)}/actions/grant_entitlement`,
        subject: appUserId,
        apiKey: v2ApiKey,
        body: {
          entitlement_id: await v2Ids.idOf(entitlement),
          expires_at: isLifetime(expiresAt) ? FAR_FUTURE_MS : Math.round(expiresAt),
        },
      };
      await creatingCustomer(appUserId, () => withRetries(request));
      return getSubscriberNow(appUserId);
    }
    const answer = await creatingCustomer(appUserId, () =>
      withRetries({
        operation: 'grant',
        method: 'POST',
        path: `/v1/subscribers/${enc(appUserId)}/entitlements/${enc(entitlement)}/promotional`,
        subject: appUserId,
        apiKey,
        body: isLifetime(expiresAt) ? { duration: 'lifetime' } : { end_time_ms: Math.round(expiresAt) },
      }),
    );
    return subscriberFrom(appUserId, answer);
  }

  async function revokeNow(appUserId: string, entitlement: string): Promise<Subscriber> {
    if (apiVersion === 'v2') {
      try {
        await withRetries(
          {
            operation: 'revoke',
            method: 'POST',
            path: `${project}/customers/${enc(appUserId)}/actions/revoke_granted_entitlement`,
            subject: appUserId,
            apiKey: v2ApiKey,
            body: { entitlement_id: await v2Ids.idOf(entitlement) },
          },
          REVOKE,
        );
      } catch (error) {
        // v2 answers 404 when there is no granted entitlement to revoke: the wanted end state already holds.
        if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
      }
      return getSubscriberNow(appUserId, REVOKE);
    }
    const answer = await creatingCustomer(appUserId, () =>
      withRetries(
        {
          operation: 'revoke',
          method: 'POST',
          path: `/v1/subscribers/${enc(appUserId)}/entitlements/${enc(entitlement)}/revoke_promotionals`,
          subject: appUserId,
          apiKey,
        },
        REVOKE,
      ),
    );
    return subscriberFrom(appUserId, answer);
  }

  return {
    apiVersion,
    clock,
    getSubscriber: (appUserId, options) =>
      perUser.run(appUserId, () => getSubscriberNow(appUserId, scheduleOptions(options))),
    grant: (appUserId, entitlement, expiresAt) =>
      perUser.run(appUserId, () => grantNow(appUserId, entitlement, expiresAt)),
    revoke: (appUserId, entitlement) => perUser.run(appUserId, () => revokeNow(appUserId, entitlement)),
    breakerState: () => breaker.state(),
  };
}

import { AppError } from '@teamseat/errors';

/** The reasons in entitlement_errors.proto that RevenueCat failures map to. */
export const REVENUECAT_UNAVAILABLE = 'REVENUECAT_UNAVAILABLE';
export const REVENUECAT_RATE_LIMITED = 'REVENUECAT_RATE_LIMITED';
export const REVENUECAT_REJECTED = 'REVENUECAT_REJECTED';
/** RevenueCat refused our API key: a configuration or rotation problem that waiting (and fixing) cures. */
export const REVENUECAT_UNAUTHENTICATED = 'REVENUECAT_UNAUTHENTICATED';
/** Refusals of our own limiter (ADR 0022): RevenueCat was never asked, so they say nothing of its health. */
export const REVENUECAT_QUEUE_FULL = 'REVENUECAT_QUEUE_FULL';
export const REVENUECAT_QUEUE_TIMEOUT = 'REVENUECAT_QUEUE_TIMEOUT';
export const REVENUECAT_CALL_CANCELLED = 'REVENUECAT_CALL_CANCELLED';
const LIMITER_REFUSALS = new Set([
  REVENUECAT_QUEUE_FULL,
  REVENUECAT_QUEUE_TIMEOUT,
  REVENUECAT_CALL_CANCELLED,
]);

/**
 * How long RevenueCat asks us to wait, from `Retry-After` (seconds or an HTTP date) or the v2 body's
 * `backoff_ms`, whichever is longer. undefined when it says nothing.
 */
export function requestedDelayMs(headers: Headers, body: unknown, nowMs: number): number | undefined {
  const candidates: number[] = [];
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) candidates.push(seconds * 1000);
    else {
      const date = Date.parse(retryAfter);
      if (Number.isFinite(date)) candidates.push(Math.max(0, date - nowMs));
    }
  }
  const backoff = (body as { backoff_ms?: unknown } | null)?.backoff_ms;
  if (typeof backoff === 'number' && Number.isFinite(backoff) && backoff >= 0) candidates.push(backoff);
  return candidates.length > 0 ? Math.max(...candidates) : undefined;
}

function messageOf(body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : '';
}

/**
 * Maps a failed HTTP answer to the one error type (DESIGN §5): 429 and 423 are rate limits, 5xx and 408 (a
 * timeout on RevenueCat's side) are unavailability, 401 is our key refused (a rotation half done: work waits
 * for the right key instead of being dead-lettered, ADR 0020), all retriable; any other 4xx is a rejection
 * that retrying cannot fix.
 */
export function errorFromResponse(
  operation: string,
  status: number,
  headers: Headers,
  body: unknown,
  nowMs: number,
): AppError {
  const delayMs = requestedDelayMs(headers, body, nowMs);
  const text = messageOf(body);
  const detail = `RevenueCat ${operation} answered ${status}${text ? `: ${text}` : ''}`;
  const details: Record<string, unknown> = { status, operation };
  if (delayMs !== undefined) details.retryAfterMs = delayMs;
  if (status === 429 || status === 423) {
    const wait = delayMs === undefined ? '' : ` (retry after ${Math.ceil(delayMs / 1000)} s)`;
    return new AppError('UNAVAILABLE', detail + wait, {
      reason: REVENUECAT_RATE_LIMITED,
      retriable: true,
      details,
    });
  }
  if (status >= 500 || status === 408) {
    return new AppError('UNAVAILABLE', detail, { reason: REVENUECAT_UNAVAILABLE, retriable: true, details });
  }
  if (status === 401) {
    return new AppError('UNAVAILABLE', `${detail} (RevenueCat refused our key: check REVENUECAT_API_KEY)`, {
      reason: REVENUECAT_UNAUTHENTICATED,
      retriable: true,
      details,
    });
  }
  const code = status === 404 ? 'NOT_FOUND' : status === 403 ? 'PERMISSION_DENIED' : 'FAILED_PRECONDITION';
  return new AppError(code, detail, { reason: REVENUECAT_REJECTED, retriable: false, details });
}

export function timeoutError(operation: string, timeoutMs: number, cause: unknown): AppError {
  return new AppError('UNAVAILABLE', `RevenueCat ${operation} timed out after ${timeoutMs} ms`, {
    reason: REVENUECAT_UNAVAILABLE,
    retriable: true,
    cause,
    details: { operation, timeoutMs },
  });
}

export function networkError(operation: string, cause: unknown): AppError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new AppError('UNAVAILABLE', `RevenueCat ${operation} failed: ${message}`, {
    reason: REVENUECAT_UNAVAILABLE,
    retriable: true,
    cause,
    details: { operation },
  });
}

/** A fetch that threw instead of answering: our timeout (AbortSignal) or the network; both retriable. */
export function errorFromFetchFailure(operation: string, timeoutMs: number, error: unknown): AppError {
  const name = (error as Error | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError'
    ? timeoutError(operation, timeoutMs, error)
    : networkError(operation, error);
}

export function breakerOpenError(retryAfterMs: number): AppError {
  return new AppError('UNAVAILABLE', 'RevenueCat circuit breaker is open; calls are paused', {
    reason: REVENUECAT_UNAVAILABLE,
    retriable: true,
    details: { retryAfterMs, breaker: 'open' },
  });
}

/** A call our limiter refused or its caller abandoned: not retried in the call, never held against RevenueCat. */
export function isLimiterRefusal(error: unknown): boolean {
  return error instanceof AppError && LIMITER_REFUSALS.has(error.reason);
}

/**
 * Client errors other than 429/423, and calls that never reached RevenueCat, say nothing about its health:
 * they must not trip the breaker.
 */
export function countsAgainstBreaker(error: unknown): boolean {
  return !(error instanceof AppError) || (error.retriable && !isLimiterRefusal(error));
}

/** The lane's queue is full: retriable, after about `retryAfterMs` (the time the queue takes to drain). */
export function queueFullError(lane: string, maxQueued: number, retryAfterMs: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError(
    'RESOURCE_EXHAUSTED',
    `RevenueCat calls of ${lane} work: ${maxQueued} calls already queued, the most its queue holds; retry in about ${seconds} s`,
    { reason: REVENUECAT_QUEUE_FULL, retriable: true, details: { lane, maxQueued, retryAfterMs } },
  );
}

/** The call waited its lane's longest wait without a turn: retriable. */
export function queueTimeoutError(lane: string, maxWaitMs: number) {
  return new AppError(
    'UNAVAILABLE',
    `RevenueCat call of ${lane} work waited ${maxWaitMs} ms for the rate limit without a turn, the longest it may wait; retry later`,
    {
      reason: REVENUECAT_QUEUE_TIMEOUT,
      retriable: true,
      details: { lane, maxWaitMs, retryAfterMs: maxWaitMs },
    },
  );
}

/** The caller gave up (gRPC deadline or cancel) before the call was made or answered. */
export function callCancelledError(operation: string, cause?: unknown) {
  return new AppError('UNAVAILABLE', `RevenueCat ${operation} abandoned: the caller gave up`, {
    reason: REVENUECAT_CALL_CANCELLED,
    retriable: true,
    cause,
    details: { operation },
  });
}

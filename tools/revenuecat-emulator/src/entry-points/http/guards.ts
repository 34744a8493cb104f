import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, Next } from 'koa';
import type { RateLimiter } from '../../domain/rate-limiter';
import { apiError } from './api-errors';

/** `Authorization: Bearer <key>` with one of the configured secret keys; the key is kept for rate limiting. */
export function bearerAuth(keys: () => ReadonlySet<string>) {
  return async function requireApiKey(ctx: Context, next: Next) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(ctx.get('authorization'));
    if (!match?.[1] || !keys().has(match[1]))
      throw apiError({ status: 401, message: 'Invalid API key', v2Type: 'authentication_error' });
    ctx.state.apiKey = match[1];
    return next();
  };
}

/**
 * Per key and endpoint family (RevenueCat's v2 "domains"). Successful answers carry the usage headers;
 * a refused one adds `Retry-After` (seconds) and, in v2, `backoff_ms` in the body. A limit of 0 turns it off.
 */
export function rateLimit(limiter: RateLimiter, family: string, limitPerMinute: () => number) {
  return async function limitRate(ctx: Context, next: Next) {
    const limit = limitPerMinute();
    if (limit <= 0) return next();
    const decision = limiter.hit(String(ctx.state.apiKey), family, limit);
    const headers = {
      'RevenueCat-Rate-Limit-Current-Usage': String(decision.usage),
      'RevenueCat-Rate-Limit-Current-Limit': String(decision.limit),
    };
    if (!decision.allowed)
      throw apiError({
        status: 429,
        message: 'Rate limit exceeded',
        v2Type: 'rate_limit_error',
        backoffMs: decision.retryAfterSeconds * 1000,
        headers: { ...headers, 'Retry-After': String(decision.retryAfterSeconds) },
      });
    ctx.set(headers);
    return next();
  };
}

export interface ConcurrencyOptions {
  /** `refuse`: a second request for a user already in flight is refused; `off`: requests never conflict. */
  mode: 'refuse' | 'off';
  /** How long each request holds its user, in ms: the emulated processing time that makes overlaps likely. */
  holdMs: number;
}

/**
 * RevenueCat refuses concurrent requests for the same customer: seen as 429 on v1, documented as 423 on v2.
 * The lock is per app user id, shared by v1 and v2.
 */
export function createUserLocks(options: () => ConcurrencyOptions) {
  const inFlight = new Set<string>();
  return function userLock(status: 423 | 429, userParam = 'app_user_id') {
    return async function lockUser(ctx: Context, next: Next) {
      const { mode, holdMs } = options();
      const params = (ctx as Context & { params?: Record<string, string> }).params ?? {};
      const user = params[userParam];
      if (mode === 'off' || user === undefined) return next();
      if (inFlight.has(user))
        throw apiError({
          status,
          message:
            status === 423
              ? 'The resource is currently being modified by a concurrent request'
              : 'There is another request in flight for this subscriber; try again',
          v2Type: 'resource_locked_error',
          backoffMs: 1000,
          headers: { 'Retry-After': '1' },
        });
      inFlight.add(user);
      try {
        if (holdMs > 0) await sleep(holdMs);
        await next();
      } finally {
        inFlight.delete(user);
      }
    };
  };
}

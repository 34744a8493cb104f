import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, Next } from 'koa';
import type { Random } from '../../adapters/random';
import {
  activeUserFault,
  userOfPath,
  withoutExpired,
  type UserFault,
  type UserFaults,
} from '../../domain/user-faults';
import { apiError } from './api-errors';

/**
 * Failure modes a RevenueCat client must survive, switchable at start and at run time. They apply to the
 * REST APIs only (never to `/_emulator/`), in this order: outage, 429 storm, forced 429, the targeted
 * user's fault, hang, error, latency.
 */
export interface FaultOptions {
  /** Added latency in ms: fixed when min equals max, otherwise uniform in [min, max]. */
  latencyMinMs: number;
  latencyMaxMs: number;
  /** Probability that a request fails with `errorStatus`. */
  errorRate: number;
  errorStatus: 500 | 503;
  /** Probability that a request never gets an answer (until the client gives up). */
  hangRate: number;
  /** Wall time (ms) until which every request gets 503. */
  outageUntilMs: number | null;
  /** Wall time (ms) until which every request gets 429 with `Retry-After` (a rate-limit storm). */
  storm429UntilMs: number | null;
  /** The next N requests get 429 with `Retry-After`. */
  forced429: number;
  retryAfterSeconds: number;
  scope: 'all' | 'v1' | 'v2';
  /** Per app user id: calls concerning that user fail (`src/domain/user-faults.ts`). */
  users: UserFaults;
}

export const NO_FAULTS: FaultOptions = {
  latencyMinMs: 0,
  latencyMaxMs: 0,
  errorRate: 0,
  errorStatus: 500,
  hangRate: 0,
  outageUntilMs: null,
  storm429UntilMs: null,
  forced429: 0,
  retryAfterSeconds: 1,
  scope: 'all',
  users: {},
};

export interface FaultInjector {
  get(): FaultOptions;
  set(patch: Partial<FaultOptions>): FaultOptions;
  clear(): FaultOptions;
  /** Makes every call concerning `appUserId` fail as `fault` says, replacing an earlier one. */
  targetUser(appUserId: string, fault: UserFault): FaultOptions;
  clearUser(appUserId: string): FaultOptions;
  /** `limit` feeds the rate-limit headers of a forced 429 (v2 documents them as required). */
  middleware(family: 'v1' | 'v2', limit?: () => number): (ctx: Context, next: Next) => Promise<void>;
  /** Lets every hanging request go (their sockets are destroyed): used at stop. */
  releaseHung(): void;
}

export function createFaultInjector(deps: {
  initial: FaultOptions;
  random: Random;
  now?: () => number;
}): FaultInjector {
  const now = deps.now ?? Date.now;
  let faults = { ...deps.initial };
  const hung = new Set<() => void>();

  async function hang(ctx: Context) {
    await new Promise<void>((resolve) => {
      const release = () => {
        hung.delete(release);
        resolve();
      };
      hung.add(release);
      ctx.res.once('close', release);
    });
    ctx.respond = false;
    ctx.req.socket.destroy();
  }

  return {
    get: () => ({ ...faults }),
    set(patch) {
      faults = { ...faults, ...patch };
      if (faults.latencyMaxMs < faults.latencyMinMs) faults.latencyMaxMs = faults.latencyMinMs;
      return { ...faults };
    },
    clear() {
      faults = { ...NO_FAULTS };
      return { ...faults };
    },
    targetUser(appUserId, fault) {
      faults = { ...faults, users: { ...withoutExpired(faults.users, now()), [appUserId]: fault } };
      return { ...faults };
    },
    clearUser(appUserId) {
      const { [appUserId]: _cleared, ...others } = faults.users;
      faults = { ...faults, users: others };
      return { ...faults };
    },
    releaseHung: () => [...hung].forEach((release) => release()),
    middleware(family, limit) {
      const tooManyRequests = (retryAfterSeconds: number) => {
        const max = String(limit?.() ?? 0);
        const usage: Record<string, string> = limit
          ? { 'RevenueCat-Rate-Limit-Current-Usage': max, 'RevenueCat-Rate-Limit-Current-Limit': max }
          : {};
        return apiError({
          status: 429,
          message: 'Rate limit exceeded',
          v2Type: 'rate_limit_error',
          backoffMs: retryAfterSeconds * 1000,
          headers: { 'Retry-After': String(retryAfterSeconds), ...usage },
        });
      };
      const userFaultError = (fault: UserFault) =>
        fault.status === 429
          ? tooManyRequests(fault.retryAfterSeconds)
          : apiError({
              status: fault.status,
              message: 'There was an internal server error for this customer (emulated)',
              v2Type: 'server_error',
              ...(fault.status === 503 && { headers: { 'Retry-After': String(fault.retryAfterSeconds) } }),
            });
      return async function injectFaults(ctx: Context, next: Next) {
        const f = faults;
        if (f.scope !== 'all' && f.scope !== family) return next();
        if (f.outageUntilMs !== null && now() < f.outageUntilMs) {
          const seconds = Math.max(1, Math.ceil((f.outageUntilMs - now()) / 1000));
          throw apiError({
            status: 503,
            message: 'Service unavailable (emulated outage)',
            v2Type: 'server_error',
            backoffMs: seconds * 1000,
            headers: { 'Retry-After': String(seconds) },
          });
        }
        if (f.storm429UntilMs !== null && now() < f.storm429UntilMs)
          throw tooManyRequests(f.retryAfterSeconds);
        if (f.forced429 > 0) {
          faults = { ...faults, forced429: f.forced429 - 1 };
          throw tooManyRequests(f.retryAfterSeconds);
        }
        const targeted = activeUserFault(f.users, userOfPath(ctx.path), now());
        if (targeted) throw userFaultError(targeted);
        if (f.hangRate > 0 && deps.random() < f.hangRate) return hang(ctx);
        if (f.errorRate > 0 && deps.random() < f.errorRate)
          throw apiError({
            status: f.errorStatus,
            message: 'There was an internal server error (emulated)',
            v2Type: 'server_error',
          });
        const latency =
          f.latencyMinMs +
          (f.latencyMaxMs - f.latencyMinMs) * (f.latencyMaxMs > f.latencyMinMs ? deps.random() : 0);
        if (latency > 0) await sleep(latency);
        return next();
      };
    },
  };
}

import type { Middleware } from '@koa/router';
import type { RateLimiter } from '../../domain/rate-limiter';
import { bearerAuth, createUserLocks, rateLimit, type ConcurrencyOptions } from './guards';

export interface RestLimits {
  /** Per key and v1 endpoint, requests per minute; 0 = unlimited (RevenueCat documents none). */
  v1PerMinute: number;
  /** v2 Customer Information domain (documented default 480). */
  v2CustomerInformationPerMinute: number;
  /** v2 Project Configuration domain (documented default 60). */
  v2ProjectConfigurationPerMinute: number;
}

/** The middleware list in front of every REST route: key check, rate limit, per-user lock. */
export type RestGuards = (family: string, lockStatus: 423 | 429 | null, userParam?: string) => Middleware[];

export function createRestGuards(deps: {
  keys: (api: 'v1' | 'v2') => ReadonlySet<string>;
  limiter: RateLimiter;
  limits: () => RestLimits;
  concurrency: () => ConcurrencyOptions;
}): RestGuards {
  const userLock = createUserLocks(deps.concurrency);
  const limitFor = (family: string) => () => {
    const limits = deps.limits();
    if (family.startsWith('v1:')) return limits.v1PerMinute;
    return family === 'v2:project_configuration'
      ? limits.v2ProjectConfigurationPerMinute
      : limits.v2CustomerInformationPerMinute;
  };
  return (family, lockStatus, userParam) => {
    const api = family.startsWith('v1:') ? 'v1' : 'v2';
    const list: Middleware[] = [
      bearerAuth(() => deps.keys(api)) as Middleware,
      rateLimit(deps.limiter, family, limitFor(family)) as Middleware,
    ];
    if (lockStatus !== null) list.push(userLock(lockStatus, userParam) as Middleware);
    return list;
  };
}

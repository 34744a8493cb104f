/**
 * Expiries in the domain are plain numbers of epoch milliseconds; a lifetime access is
 * `Number.POSITIVE_INFINITY`, so "the longest of several" is `Math.max` and "active" is `> now` for both.
 * `undefined` means no access at all. Repositories and the gRPC edge convert to their own forms.
 */
export type Expiry = number;

export const LIFETIME: Expiry = Number.POSITIVE_INFINITY;

export const isLifetime = (expiry: Expiry | undefined): boolean => expiry === LIFETIME;

export const isActiveAt = (expiry: Expiry | undefined, nowMs: number): boolean =>
  expiry !== undefined && expiry > nowMs;

/**
 * Expiries from this date on are "for life" (ADR 0029). RevenueCat documents a lifetime promotional as a
 * null expiry, but has been seen reporting one as expiring in 2222 (RevenueCat/purchases-flutter#370);
 * no store sells a period that ends after 2200, and our own v2 lifetime grants end in 9000.
 */
export const LIFETIME_FROM_MS = Date.UTC(2200, 0, 1);

/** An expiry as RevenueCat reports it (a date, or null): null and anything from LIFETIME_FROM_MS on is lifetime. */
export const reportedExpiry = (ms: number | null): Expiry =>
  ms === null || ms >= LIFETIME_FROM_MS ? LIFETIME : ms;

/** RevenueCat's form: null for lifetime. */
export const fromNullable = (ms: number | null): Expiry => (ms === null ? LIFETIME : ms);
export const toNullable = (expiry: Expiry): number | null => (isLifetime(expiry) ? null : expiry);

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

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

/** RevenueCat's form: null for lifetime. */
export const fromNullable = (ms: number | null): Expiry => (ms === null ? LIFETIME : ms);
export const toNullable = (expiry: Expiry): number | null => (isLifetime(expiry) ? null : expiry);

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

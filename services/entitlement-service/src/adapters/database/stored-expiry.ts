import { LIFETIME, isLifetime, type Expiry } from '../../domain/expiry';

/**
 * How expiries are stored: BSON has no infinity worth trusting across drivers and FerretDB, so LIFETIME is
 * stored as null, and "no access" as an absent field.
 */
export const storeExpiry = (expiry: Expiry): number | null => (isLifetime(expiry) ? null : expiry);
export const loadExpiry = (stored: number | null): Expiry => (stored === null ? LIFETIME : stored);

export const storeOptionalExpiry = (expiry: Expiry | undefined): number | null | undefined =>
  expiry === undefined ? undefined : storeExpiry(expiry);
export const loadOptionalExpiry = (stored: number | null | undefined): Expiry | undefined =>
  stored === undefined ? undefined : loadExpiry(stored);

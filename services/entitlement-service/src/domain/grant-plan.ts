import { HOUR_MS, isLifetime, type Expiry } from './expiry';

export type GrantStep = { op: 'grant'; expiresAt: Expiry } | { op: 'revoke' };

export interface GrantPlanOptions {
  nowMs: number;
  /** Differences this small count as equal (v1 reports expiries in whole seconds). */
  toleranceMs?: number;
  /**
   * RevenueCat ignores a grant whose end is within this window of an active promotional expiry
   * (REVENUECAT.md, "2 hours"): such an extension must revoke first.
   */
  duplicateWindowMs?: number;
  /** API v2 grants only "unless one already exists": any change to an active grant revokes first. */
  revokeBeforeAnyGrant?: boolean;
}

export const DEFAULT_TOLERANCE_MS = 60_000;
export const DEFAULT_DUPLICATE_WINDOW_MS = 2 * HOUR_MS;

/** True when RevenueCat's promotional expiry is what we want (both none, or equal within the tolerance). */
export function grantMatches(
  desired: Expiry | undefined,
  current: Expiry | undefined,
  { nowMs, toleranceMs = DEFAULT_TOLERANCE_MS }: GrantPlanOptions,
): boolean {
  const want = desired !== undefined && desired > nowMs ? desired : undefined;
  const have = current !== undefined && current > nowMs ? current : undefined;
  if (want === undefined || have === undefined) return want === have;
  if (isLifetime(want) || isLifetime(have)) return want === have;
  return Math.abs(want - have) <= toleranceMs;
}

/**
 * The RevenueCat calls that turn the current promotional expiry into the desired one (DESIGN §4.3-4.5).
 * `undefined` means none wanted / none active. RevenueCat's revoke removes every promotional grant of the
 * entitlement, so wanting less than is granted (a user who left one of two teams) is revoke, then grant.
 * Planning again from the state the steps produce gives no steps: reconciling twice changes nothing.
 */
export function planGrantSteps(
  desired: Expiry | undefined,
  current: Expiry | undefined,
  options: GrantPlanOptions,
): GrantStep[] {
  const { nowMs, duplicateWindowMs = DEFAULT_DUPLICATE_WINDOW_MS } = options;
  if (grantMatches(desired, current, options)) return [];
  const want = desired !== undefined && desired > nowMs ? desired : undefined;
  const have = current !== undefined && current > nowMs ? current : undefined;
  if (want === undefined) return [{ op: 'revoke' }];
  if (have === undefined) return [{ op: 'grant', expiresAt: want }];
  const grant: GrantStep = { op: 'grant', expiresAt: want };
  if (options.revokeBeforeAnyGrant) return [{ op: 'revoke' }, grant];
  // A lifetime grant has its own key (rc_promo_<e>_lifetime): the dated grant it outgrows is revoked first, so
  // teamseat never holds two grants of an entitlement, one of which would pass for someone else's (ADR 0029).
  if (isLifetime(want) || isLifetime(have) || have > want) return [{ op: 'revoke' }, grant];
  // Extending: RevenueCat would treat an end this close to the active one as a duplicate.
  if (want - have <= duplicateWindowMs) return [{ op: 'revoke' }, grant];
  return [grant];
}

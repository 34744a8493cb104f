import { entitlementAccess, entitlementIds, type AccessSource, type TeamGrants } from './access';
import type { Expiry } from './expiry';
import type { Subscriber } from './subscriber';

/** One published fact: the user's access to an entitlement is now this (DESIGN §2, entitlement-changes). */
export interface EntitlementChangeFact {
  userId: string;
  entitlement: string;
  active: boolean;
  expiresAt: Expiry | undefined;
  source: AccessSource | undefined;
  /** Access before the change; undefined when there was no stored snapshot. */
  previous: { active: boolean; expiresAt: Expiry | undefined } | undefined;
}

/**
 * The entitlements whose active state or expiry differ between the stored snapshot and a new one. Each
 * side is judged at its own RevenueCat request date, so an entitlement that ran out between two fetches
 * is reported too. With no stored snapshot, every entitlement the new one mentions is new.
 */
export function diffEntitlements(
  previous: Subscriber | undefined,
  next: Subscriber,
  teamGrants: TeamGrants,
): EntitlementChangeFact[] {
  const ids = new Set([...(previous ? entitlementIds(previous) : []), ...entitlementIds(next)]);
  const changes: EntitlementChangeFact[] = [];
  for (const entitlement of [...ids].sort()) {
    const after = entitlementAccess(next, entitlement, teamGrants, next.requestDateMs);
    const before = previous
      ? entitlementAccess(previous, entitlement, teamGrants, previous.requestDateMs)
      : { active: false, expiresAt: undefined };
    if (before.active === after.active && before.expiresAt === after.expiresAt) continue;
    changes.push({
      userId: next.appUserId,
      entitlement,
      active: after.active,
      expiresAt: after.expiresAt,
      source: after.sources[0],
      previous: previous ? { active: before.active, expiresAt: before.expiresAt } : undefined,
    });
  }
  return changes;
}

import type { CustomerRepository } from '../data-access/customer-repository';
import { teamGrantsOf } from '../data-access/grant-record';
import { entitlementAccess, entitlementIds, type EntitlementAccess } from '../domain/access';
import type { AccessCache, CachedAccess } from './access-cache';

export interface AccessAnswer extends EntitlementAccess {
  syncedAt: Date | undefined;
}

/**
 * CheckAccess and ListEntitlements (entitlement_service.proto): answered from the stored snapshot, through
 * the in-process cache, never from RevenueCat. "Active" is judged on RevenueCat's clock.
 */
export function createAccessQueries(deps: {
  customers: CustomerRepository;
  cache: AccessCache;
  now: () => number;
}) {
  const { customers, cache, now } = deps;

  async function load(userId: string): Promise<CachedAccess> {
    const cached = cache.get(userId);
    if (cached) return cached;
    const customer = await customers.get(userId);
    const entry: CachedAccess = {
      customer,
      teamGrants: teamGrantsOf(customer?.grants ?? []),
      loadedAtMs: Date.now(),
    };
    cache.set(userId, entry);
    return entry;
  }

  return {
    async checkAccess(userId: string, entitlement: string): Promise<AccessAnswer> {
      const { customer, teamGrants } = await load(userId);
      const syncedAt = customer?.syncedAt;
      if (!customer?.snapshot)
        return { entitlement, active: false, expiresAt: undefined, sources: [], syncedAt };
      return { ...entitlementAccess(customer.snapshot, entitlement, teamGrants, now()), syncedAt };
    },

    async listEntitlements(
      userId: string,
      includeInactive: boolean,
    ): Promise<{ entitlements: EntitlementAccess[]; syncedAt: Date | undefined }> {
      const { customer, teamGrants } = await load(userId);
      const snapshot = customer?.snapshot;
      if (!snapshot) return { entitlements: [], syncedAt: customer?.syncedAt };
      const nowMs = now();
      const entitlements = entitlementIds(snapshot)
        .map((id) => entitlementAccess(snapshot, id, teamGrants, nowMs))
        .filter((access) => includeInactive || access.active);
      return { entitlements, syncedAt: customer.syncedAt };
    },
  };
}

export type AccessQueries = ReturnType<typeof createAccessQueries>;

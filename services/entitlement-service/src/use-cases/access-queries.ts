import { Counter, type Registry } from '@teamseat/metrics';
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
 *
 * An entry past `refreshAfterMs` (half the cache TTL by default) is still answered from, and read again in
 * the background, so a user asked about steadily never waits for the database; only a first ask, or one
 * after a whole TTL of silence, does. The re-read asks for the document's revision first and keeps the
 * entry when it has not moved: parsing every steadily asked user's snapshot again each half TTL made
 * garbage enough for the collector's pauses to dominate CheckAccess p99 (bench/README.md). Concurrent reads
 * of one user share one database read, and a read never replaces an entry that was written through or
 * invalidated while it was under way.
 */
export function createAccessQueries(deps: {
  customers: CustomerRepository;
  cache: AccessCache;
  now: () => number;
  refreshAfterMs: number;
  wallClock?: () => number;
  registry?: Registry;
}) {
  const { customers, cache, now, refreshAfterMs, wallClock = Date.now } = deps;
  const lookups = new Counter({
    name: 'entitlement_access_cache_lookups_total',
    help: 'CheckAccess/ListEntitlements cache lookups: hit, miss (read before answering), refresh (answered, read again in the background)',
    labelNames: ['result'],
    registers: deps.registry ? [deps.registry] : [],
  });
  const rereads = new Counter({
    name: 'entitlement_access_cache_rereads_total',
    help: 'Background re-reads of a cached user, by outcome: unchanged (revision only), reloaded, failed (the entry stays until its TTL)',
    labelNames: ['outcome'],
    registers: deps.registry ? [deps.registry] : [],
  });
  const reading = new Map<string, Promise<CachedAccess>>();

  function read(userId: string, replacing: CachedAccess | undefined): Promise<CachedAccess> {
    const pending = reading.get(userId);
    if (pending) return pending;
    const started = (async () => {
      try {
        const known = replacing?.customer?.revision;
        if (replacing && known !== undefined && (await customers.revisionOf(userId)) === known) {
          if (cache.peek(userId) === replacing) replacing.loadedAtMs = wallClock();
          rereads.inc({ outcome: 'unchanged' });
          return replacing;
        }
        const customer = await customers.get(userId);
        const entry: CachedAccess = {
          customer,
          teamGrants: teamGrantsOf(customer?.grants ?? []),
          loadedAtMs: wallClock(),
        };
        if (cache.peek(userId) === replacing) cache.set(userId, entry);
        if (replacing) rereads.inc({ outcome: 'reloaded' });
        return entry;
      } finally {
        reading.delete(userId);
      }
    })();
    reading.set(userId, started);
    return started;
  }

  async function load(userId: string): Promise<CachedAccess> {
    const cached = cache.get(userId);
    if (!cached) {
      lookups.inc({ result: 'miss' });
      return read(userId, undefined);
    }
    if (wallClock() - cached.loadedAtMs >= refreshAfterMs && !reading.has(userId)) {
      lookups.inc({ result: 'refresh' });
      read(userId, cached).catch(() => rereads.inc({ outcome: 'failed' }));
    } else {
      lookups.inc({ result: 'hit' });
    }
    return cached;
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

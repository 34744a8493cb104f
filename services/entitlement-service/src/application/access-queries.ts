import { Counter, Gauge, type Registry } from '@teamseat/metrics';
import { entitlementAccess, entitlementIds, type EntitlementAccess } from '../domain/access';
import { teamGrantsOf } from '../domain/grant-record';
import type { AccessCache, CachedAccess } from './access-cache';
import type { CustomerRepository } from './ports';

const REFRESH_TICK_MS = 10;

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
 *
 * Background re-reads are paced: every 10 ms a share of the users waiting for one starts, so a backlog is
 * spread over about `refreshSpreadMs` (a sixth of `refreshAfterMs` unless given). Users who fell due
 * together (all those cached in one busy minute, or everyone a pause in traffic left unasked) otherwise went
 * to the database at once: a few hundred re-reads kept the database and the service's event loop busy for
 * a quarter of a second, and CheckAccess calls waited up to 55 ms behind them (bench/README.md). A waiting
 * entry is still answered from, for the rest of its TTL.
 */
export function createAccessQueries(deps: {
  customers: CustomerRepository;
  cache: AccessCache;
  now: () => number;
  refreshAfterMs: number;
  refreshSpreadMs?: number;
  wallClock: () => number;
  registry?: Registry;
}) {
  const { customers, cache, now, refreshAfterMs, wallClock } = deps;
  const refreshSpreadMs = deps.refreshSpreadMs ?? refreshAfterMs / 6;
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
  /** Users due for a background re-read, in the order they were found due (a Set keeps insertion order). */
  const due = new Set<string>();
  let refreshTimer: NodeJS.Timeout | undefined;
  new Gauge({
    name: 'entitlement_access_cache_refresh_queue',
    help: 'Cached users due for a background re-read and waiting for their turn (re-reads are paced)',
    registers: deps.registry ? [deps.registry] : [],
    collect() {
      this.set(due.size);
    },
  });

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

  function isDue(userId: string, cached: CachedAccess): boolean {
    return wallClock() - cached.loadedAtMs >= refreshAfterMs && !reading.has(userId);
  }

  function scheduleRefreshes(): void {
    if (refreshTimer !== undefined || due.size === 0) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      refreshShare();
      scheduleRefreshes();
    }, REFRESH_TICK_MS);
    refreshTimer.unref();
  }

  /** Starts this tick's share of the waiting re-reads (at least one). */
  function refreshShare(): void {
    let share = Math.ceil((due.size * REFRESH_TICK_MS) / refreshSpreadMs);
    for (const userId of due) {
      if (share === 0) return;
      due.delete(userId);
      // Written through, invalidated or read by a caller since it was queued: nothing left to do.
      const cached = cache.peek(userId);
      if (!cached || !isDue(userId, cached)) continue;
      share -= 1;
      read(userId, cached).catch(() => rereads.inc({ outcome: 'failed' }));
    }
  }

  async function load(userId: string): Promise<CachedAccess> {
    const cached = cache.get(userId);
    if (!cached) {
      lookups.inc({ result: 'miss' });
      return read(userId, undefined);
    }
    if (isDue(userId, cached) && !due.has(userId)) {
      lookups.inc({ result: 'refresh' });
      due.add(userId);
      scheduleRefreshes();
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

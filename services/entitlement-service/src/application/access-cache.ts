import type { TeamGrants } from '../domain/access';
import type { CustomerRecord } from '../domain/customer';
import { teamGrantsOf } from '../domain/grant-record';

export interface CachedAccess {
  customer: CustomerRecord | undefined;
  teamGrants: TeamGrants;
  loadedAtMs: number;
}

export interface AccessCache {
  get(userId: string): CachedAccess | undefined;
  /** The entry as stored, however old: to tell whether it changed while a read was under way. */
  peek(userId: string): CachedAccess | undefined;
  set(userId: string, entry: CachedAccess): void;
  /** Write-through: the record this instance has just written. */
  remember(customer: CustomerRecord): void;
  invalidate(userId: string): void;
  size(): number;
}

/**
 * The in-process cache in front of the read model for CheckAccess (p99 in single-digit ms). What this
 * instance writes goes into it (write-through); another instance's change event for the user drops the
 * entry; the TTL bounds what a missed invalidation can cost. Whether an entitlement is still
 * active is decided at read time, so expiries need no invalidation. Least recently set entries go first.
 */
export function createAccessCache({
  maxEntries = 100_000,
  ttlMs = 60_000,
  now,
}: {
  maxEntries?: number;
  ttlMs?: number;
  /** Wall clock. */
  now: () => number;
}): AccessCache {
  const entries = new Map<string, CachedAccess>();
  return {
    get(userId) {
      const entry = entries.get(userId);
      if (!entry) return undefined;
      if (now() - entry.loadedAtMs > ttlMs) {
        entries.delete(userId);
        return undefined;
      }
      return entry;
    },
    peek: (userId) => entries.get(userId),
    set(userId, entry) {
      entries.delete(userId);
      entries.set(userId, entry);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    remember(customer) {
      this.set(customer.userId, { customer, teamGrants: teamGrantsOf(customer.grants), loadedAtMs: now() });
    },
    invalidate: (userId) => void entries.delete(userId),
    size: () => entries.size,
  };
}

/**
 * Remembers the most recent event ids this instance has published, to count RevenueCat's redeliveries.
 * It only observes: duplicates are still published, because consumers dedupe by id (DESIGN §4) and a
 * per-instance memory could never be the source of truth anyway. Bounded by count so memory stays flat.
 */
export interface DuplicateWindow {
  /** True when the id was recorded before and is still inside the window. */
  has(eventId: string): boolean;
  record(eventId: string): void;
  readonly size: number;
}

/**
 * The last `capacity` recordings, in a ring: an id stays known while one of its recordings is inside.
 * (A Map used as an LRU, deleting its oldest key on every record, made V8 skip ever more deleted entries
 * to find that key: a third of the gateway's time per webhook at full load, bench/gateway.)
 */
export function createDuplicateWindow({ capacity }: { capacity: number }): DuplicateWindow {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error('capacity must be a positive integer');
  const ring: Array<string | undefined> = new Array<string | undefined>(capacity).fill(undefined);
  /** id → how many of its recordings are in the ring. */
  const counts = new Map<string, number>();
  let next = 0;

  return {
    has: (eventId) => counts.has(eventId),
    record(eventId) {
      const evicted = ring[next];
      if (evicted !== undefined) {
        const left = counts.get(evicted)! - 1;
        if (left === 0) counts.delete(evicted);
        else counts.set(evicted, left);
      }
      ring[next] = eventId;
      counts.set(eventId, (counts.get(eventId) ?? 0) + 1);
      next = (next + 1) % capacity;
    },
    get size() {
      return counts.size;
    },
  };
}

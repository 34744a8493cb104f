/**
 * Remembers the most recent event ids this instance has published, to count RevenueCat's redeliveries.
 * It only observes: duplicates are still published, because consumers dedupe by id (DESIGN §4) and a
 * per-instance memory could never be the source of truth anyway. Bounded by count and by bytes, so memory
 * stays flat whatever length the ids have (docs/adr/0023).
 */
export interface DuplicateWindow {
  /** True when the id was recorded before and is still inside the window. */
  has(eventId: string): boolean;
  record(eventId: string): void;
  /** Distinct ids remembered. */
  readonly size: number;
  /** Bytes the remembered recordings account for (see `bytesOf`). */
  readonly bytes: number;
}

/** Two bytes a character: V8's widest string form, so the budget holds whatever characters an id has. */
const bytesOf = (eventId: string) => 2 * eventId.length;

/**
 * The last recordings, oldest first in a ring, at most `capacity` of them and at most `maxBytes` of ids:
 * an id stays known while one of its recordings is inside. (A Map used as an LRU, deleting its oldest key
 * on every record, made V8 skip ever more deleted entries to find that key: a third of the gateway's time
 * per webhook at full load, bench/gateway.)
 */
export function createDuplicateWindow({
  capacity,
  maxBytes,
}: {
  capacity: number;
  maxBytes: number;
}): DuplicateWindow {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error('capacity must be a positive integer');
  if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new Error('maxBytes must be a positive integer');
  const ring: Array<string | undefined> = new Array<string | undefined>(capacity).fill(undefined);
  /** id → how many of its recordings are in the ring. */
  const counts = new Map<string, number>();
  let oldest = 0;
  let length = 0;
  let bytes = 0;

  function evictOldest(): void {
    const evicted = ring[oldest]!;
    ring[oldest] = undefined;
    oldest = (oldest + 1) % capacity;
    length -= 1;
    bytes -= bytesOf(evicted);
    const left = counts.get(evicted)! - 1;
    if (left === 0) counts.delete(evicted);
    else counts.set(evicted, left);
  }

  return {
    has: (eventId) => counts.has(eventId),
    record(eventId) {
      if (length === capacity) evictOldest();
      ring[(oldest + length) % capacity] = eventId;
      length += 1;
      bytes += bytesOf(eventId);
      counts.set(eventId, (counts.get(eventId) ?? 0) + 1);
      while (bytes > maxBytes) evictOldest();
    },
    get size() {
      return counts.size;
    },
    get bytes() {
      return bytes;
    },
  };
}

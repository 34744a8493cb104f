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

export function createDuplicateWindow({ capacity }: { capacity: number }): DuplicateWindow {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error('capacity must be a positive integer');
  // A Map iterates in insertion order, so its first key is always the oldest entry.
  const ids = new Map<string, true>();

  return {
    has: (eventId) => ids.has(eventId),
    record(eventId) {
      ids.delete(eventId);
      ids.set(eventId, true);
      if (ids.size > capacity) {
        const oldest = ids.keys().next();
        if (!oldest.done) ids.delete(oldest.value);
      }
    },
    get size() {
      return ids.size;
    },
  };
}

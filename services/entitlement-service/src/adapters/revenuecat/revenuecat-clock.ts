/**
 * RevenueCat's idea of "now", learned from the `request_date_ms` of its answers. Expiries are RevenueCat
 * times, so whether a grant is still active, or whether a grant end is in the future, must be judged on its
 * clock. In production the offset is about zero; against the emulator's virtual clock it is whatever the
 * test moved it to.
 */
export interface RevenueCatClock {
  now(): number;
  observe(requestDateMs: number, receivedAtMs?: number): void;
  readonly offsetMs: number;
}

export function createRevenueCatClock(wallNow: () => number): RevenueCatClock {
  let offsetMs = 0;
  return {
    now: () => wallNow() + offsetMs,
    observe(requestDateMs, receivedAtMs = wallNow()) {
      if (Number.isFinite(requestDateMs)) offsetMs = requestDateMs - receivedAtMs;
    },
    get offsetMs() {
      return offsetMs;
    },
  };
}

/**
 * Fixed one-minute windows per (API key, endpoint family), as RevenueCat describes for API v2: the usage
 * counts requests in the current period including this one. Wall time, not the virtual clock: limits are
 * about how fast a client calls, not about subscription time.
 */
export interface RateDecision {
  allowed: boolean;
  usage: number;
  limit: number;
  /** Whole seconds until the window resets (at least 1). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(key: string, family: string, limitPerMinute: number): RateDecision;
  reset(): void;
}

const WINDOW_MS = 60_000;

/** `now` is wall time: the composition passes Date.now. */
export function createRateLimiter(now: () => number): RateLimiter {
  const windows = new Map<string, { startMs: number; count: number }>();
  return {
    hit(key, family, limit) {
      const id = `${family}\u0000${key}`;
      const nowMs = now();
      let window = windows.get(id);
      if (!window || nowMs - window.startMs >= WINDOW_MS) {
        window = { startMs: nowMs, count: 0 };
        windows.set(id, window);
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startMs + WINDOW_MS - nowMs) / 1000));
      if (window.count >= limit) return { allowed: false, usage: window.count, limit, retryAfterSeconds };
      window.count += 1;
      return { allowed: true, usage: window.count, limit, retryAfterSeconds };
    },
    reset: () => windows.clear(),
  };
}

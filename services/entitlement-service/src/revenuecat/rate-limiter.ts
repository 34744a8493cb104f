import Bottleneck from 'bottleneck';

export interface RateLimiter {
  /** Runs `job` when the rate allows, telling it how long it waited (ms). */
  schedule<T>(job: (waitedMs: number) => Promise<T>): Promise<T>;
  /** Starts no call before `untilMs` (wall clock): RevenueCat asked us to back off. Only ever extends. */
  holdUntil(untilMs: number): void;
  /** Reads RevenueCat's rate-limit headers and holds when the current window is used up. */
  observeHeaders(headers: Headers): void;
  readonly heldUntilMs: number;
  queued(): number;
  stop(): Promise<void>;
}

/**
 * The one limiter every RevenueCat call goes through (DESIGN §5). Calls start at most `ratePerSecond` per
 * second, evenly spaced, with up to `maxConcurrent` in flight, so a 1,000-member fan-out takes about
 * 1,000 / rate seconds. A `Retry-After` or `backoff_ms` empties the reservoir until the moment passes;
 * queued calls then resume at the configured spacing rather than all at once.
 */
export function createRateLimiter({
  ratePerSecond,
  maxConcurrent = 32,
  fullWindowHoldMs = 1_000,
}: {
  ratePerSecond: number;
  maxConcurrent?: number;
  /** How long to hold when the rate-limit headers say the window is used up (the window's reset is unknown). */
  fullWindowHoldMs?: number;
}): RateLimiter {
  const bottleneck = new Bottleneck({ minTime: Math.max(0, 1000 / ratePerSecond), maxConcurrent });
  let heldUntilMs = 0;
  let releaseTimer: NodeJS.Timeout | undefined;

  function holdUntil(untilMs: number): void {
    if (untilMs <= Date.now() || untilMs <= heldUntilMs) return;
    heldUntilMs = untilMs;
    clearTimeout(releaseTimer);
    void bottleneck.updateSettings({ reservoir: 0 });
    releaseTimer = setTimeout(() => {
      releaseTimer = undefined;
      void bottleneck.updateSettings({ reservoir: null });
    }, untilMs - Date.now());
    releaseTimer.unref();
  }

  return {
    schedule(job) {
      const queuedAt = Date.now();
      return bottleneck.schedule(() => job(Date.now() - queuedAt));
    },
    holdUntil,
    observeHeaders(headers) {
      const usage = Number(headers.get('revenuecat-rate-limit-current-usage'));
      const limit = Number(headers.get('revenuecat-rate-limit-current-limit'));
      if (Number.isFinite(usage) && Number.isFinite(limit) && limit > 0 && usage >= limit) {
        holdUntil(Date.now() + fullWindowHoldMs);
      }
    },
    get heldUntilMs() {
      return heldUntilMs;
    },
    queued: () => bottleneck.counts().QUEUED + bottleneck.counts().RECEIVED,
    async stop() {
      clearTimeout(releaseTimer);
      await bottleneck.stop({ dropWaitingJobs: true }).catch(() => undefined);
    },
  };
}

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

interface Waiting {
  job: (waitedMs: number) => Promise<unknown>;
  queuedAt: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The one limiter every RevenueCat call goes through (DESIGN §5). Calls start at most `ratePerSecond` per
 * second, evenly spaced, in arrival order, with up to `maxConcurrent` in flight, so a 1,000-member fan-out
 * takes about 1,000 / rate seconds. A `Retry-After` or `backoff_ms` holds every start until the moment
 * passes; queued calls then resume at the configured spacing rather than all at once.
 *
 * A call that finds a free slot starts at once, in the same tick: no timer stands between a webhook and
 * its RevenueCat read when the rate allows it (Bottleneck, used before, added about 3 ms to every call).
 */
export function createRateLimiter({
  ratePerSecond,
  maxConcurrent = 32,
  fullWindowHoldMs = 1_000,
  now = () => performance.now(),
  wallClock,
}: {
  ratePerSecond: number;
  maxConcurrent?: number;
  /** How long to hold when the rate-limit headers say the window is used up (the window's reset is unknown). */
  fullWindowHoldMs?: number;
  /** Monotonic milliseconds, for spacing. */
  now?: () => number;
  /** Wall-clock milliseconds, the unit of `holdUntil`. */
  wallClock: () => number;
}): RateLimiter {
  if (!(ratePerSecond > 0)) throw new Error('ratePerSecond must be positive');
  if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
    throw new Error('maxConcurrent must be a positive integer');
  }
  const spacingMs = 1000 / ratePerSecond;
  const waiting: Waiting[] = [];
  let running = 0;
  /** The earliest monotonic time the next call may start. */
  let nextSlot = -Infinity;
  /** Held until this monotonic time; `heldUntilMs` is the same moment on the wall clock. */
  let heldUntil = -Infinity;
  let heldUntilMs = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function pump(): void {
    while (waiting.length > 0 && running < maxConcurrent) {
      const at = now();
      const slot = Math.max(nextSlot, heldUntil);
      if (slot > at) {
        if (!timer) {
          timer = setTimeout(() => {
            timer = undefined;
            pump();
          }, slot - at);
        }
        return;
      }
      // Started a little late (timers are coarse): keep the grid, so the average rate stays exact. Idle for
      // longer than a spacing: the next call may come one spacing from now.
      nextSlot = (at - slot > spacingMs ? at : slot) + spacingMs;
      const next = waiting.shift()!;
      running += 1;
      let started: Promise<unknown>;
      try {
        started = next.job(at - next.queuedAt);
      } catch (error) {
        started = Promise.reject(error);
      }
      started.then(next.resolve, next.reject).finally(() => {
        running -= 1;
        pump();
      });
    }
  }

  function holdUntil(untilMs: number): void {
    const wall = wallClock();
    if (untilMs <= wall || untilMs <= heldUntilMs) return;
    heldUntilMs = untilMs;
    heldUntil = now() + (untilMs - wall);
    // A timer set for an earlier slot would only find the hold and set itself again.
  }

  return {
    schedule<T>(job: (waitedMs: number) => Promise<T>): Promise<T> {
      if (stopped) return Promise.reject(new Error('the RevenueCat rate limiter is stopped'));
      return new Promise<T>((resolve, reject) => {
        waiting.push({
          job,
          queuedAt: now(),
          resolve: resolve as (value: unknown) => void,
          reject,
        });
        pump();
      });
    },
    holdUntil,
    observeHeaders(headers) {
      const usage = Number(headers.get('revenuecat-rate-limit-current-usage'));
      const limit = Number(headers.get('revenuecat-rate-limit-current-limit'));
      if (Number.isFinite(usage) && Number.isFinite(limit) && limit > 0 && usage >= limit) {
        holdUntil(wallClock() + fullWindowHoldMs);
      }
    },
    get heldUntilMs() {
      return heldUntilMs;
    },
    queued: () => waiting.length,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      const dropped = waiting.splice(0);
      for (const item of dropped) item.reject(new Error('the RevenueCat rate limiter is stopped'));
    },
  };
}

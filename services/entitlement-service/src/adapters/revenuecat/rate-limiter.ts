import { createLaneQueues, LANES, type Lane } from './limiter-lanes';
import { callCancelledError, queueFullError, queueTimeoutError } from './revenuecat-errors';

export type { Lane } from './limiter-lanes';

export interface ScheduleOptions {
  /** Which queue the call waits in (limiter-lanes.ts); background by default. */
  lane?: Lane;
  /** The caller gave up: a call still waiting leaves the queue and is never made. */
  signal?: AbortSignal | undefined;
}

/** How many calls of a lane may wait, and for how long, before the limiter refuses them. */
export interface LaneBounds {
  maxQueued: number;
  maxWaitMs: number;
}

export const DEFAULT_LANE_BOUNDS: Record<Lane, LaneBounds> = {
  revoke: { maxQueued: 10_000, maxWaitMs: 120_000 },
  background: { maxQueued: 1_000, maxWaitMs: 60_000 },
  'on-demand': { maxQueued: 32, maxWaitMs: 5_000 },
};

export interface RateLimiter {
  /**
   * Runs `job` when the rate allows, telling it how long it waited (ms). Refused with a retriable AppError
   * when the lane's queue is full (RESOURCE_EXHAUSTED), when the call waited the lane's longest wait
   * (UNAVAILABLE), or when `signal` aborts first.
   */
  schedule<T>(job: (waitedMs: number) => Promise<T>, options?: ScheduleOptions): Promise<T>;
  /** Starts no call before `untilMs` (wall clock): RevenueCat asked us to back off. Only ever extends. */
  holdUntil(untilMs: number): void;
  /** Reads RevenueCat's rate-limit headers and holds when the current window is used up. */
  observeHeaders(headers: Headers): void;
  readonly heldUntilMs: number;
  /** Calls waiting, in one lane or all. */
  queued(lane?: Lane): number;
  stop(): Promise<void>;
}

interface Waiting {
  job: (waitedMs: number) => Promise<unknown>;
  queuedAt: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Undoes the wait timer and the abort listener. */
  release: () => void;
}

/**
 * The one limiter every RevenueCat call goes through (DESIGN §5). Calls start at most `ratePerSecond` per
 * second, evenly spaced, in arrival order, with up to `maxConcurrent` in flight, so a 1,000-member fan-out
 * takes about 1,000 / rate seconds. A `Retry-After` or `backoff_ms` holds every start until the moment
 * passes; queued calls then resume at the configured spacing rather than all at once.
 *
 * A call that finds a free slot starts at once, in the same tick: no timer stands between a webhook and
 * its RevenueCat read when the rate allows it (Bottleneck, used before, added about 3 ms to every call).
 *
 * Waiting is bounded per lane, in number and in time, and served by priority (ADR 0022): revokes first,
 * then background work, with on-demand syncs held to a share while background work waits.
 */
export function createRateLimiter({
  ratePerSecond,
  maxConcurrent = 32,
  fullWindowHoldMs = 1_000,
  lanes = {},
  onDemandShare = 0.25,
  now = () => performance.now(),
  wallClock,
}: {
  ratePerSecond: number;
  maxConcurrent?: number;
  lanes?: Partial<Record<Lane, Partial<LaneBounds>>>;
  /** The most of the starts on-demand calls get while background work also waits, in [0, 1). */
  onDemandShare?: number;
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
  const bounds = boundsOf(lanes);
  const spacingMs = 1000 / ratePerSecond;
  const waiting = createLaneQueues<Waiting>(onDemandShare);
  let running = 0;
  /** The earliest monotonic time the next call may start. */
  let nextSlot = -Infinity;
  /** Held until this monotonic time; `heldUntilMs` is the same moment on the wall clock. */
  let heldUntil = -Infinity;
  let heldUntilMs = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function pump(): void {
    while (waiting.size() > 0 && running < maxConcurrent) {
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
      const next = waiting.next()!;
      next.release();
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
    schedule<T>(job: (waitedMs: number) => Promise<T>, options: ScheduleOptions = {}): Promise<T> {
      if (stopped) return Promise.reject(new Error('the RevenueCat rate limiter is stopped'));
      const { lane = 'background', signal } = options;
      if (signal?.aborted) return Promise.reject(callCancelledError('call', signal.reason));
      const bound = bounds[lane];
      return new Promise<T>((resolve, reject) => {
        const leave = (error: unknown) => {
          if (waiting.remove(lane, item)) {
            item.release();
            reject(error);
          }
        };
        const onAbort = () => leave(callCancelledError('call', signal?.reason));
        const waitTimer = setTimeout(() => leave(queueTimeoutError(lane, bound.maxWaitMs)), bound.maxWaitMs);
        const item: Waiting = {
          job,
          queuedAt: now(),
          resolve: resolve as (value: unknown) => void,
          reject,
          release: () => {
            clearTimeout(waitTimer);
            signal?.removeEventListener('abort', onAbort);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(lane, item);
        pump();
        // Still waiting, and one too many: refused at once rather than left to hang.
        if (waiting.size(lane) > bound.maxQueued) {
          leave(queueFullError(lane, bound.maxQueued, waiting.size() * spacingMs));
        }
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
    queued: (lane) => waiting.size(lane),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      for (const item of waiting.drain()) {
        item.release();
        item.reject(new Error('the RevenueCat rate limiter is stopped'));
      }
    },
  };
}

function boundsOf(overrides: Partial<Record<Lane, Partial<LaneBounds>>>): Record<Lane, LaneBounds> {
  const entries = LANES.map((lane) => {
    const bound = { ...DEFAULT_LANE_BOUNDS[lane], ...overrides[lane] };
    if (!Number.isInteger(bound.maxQueued) || bound.maxQueued < 0) {
      throw new Error(`lanes.${lane}.maxQueued must be a non-negative integer`);
    }
    if (!(bound.maxWaitMs > 0)) throw new Error(`lanes.${lane}.maxWaitMs must be positive`);
    return [lane, bound] as const;
  });
  return Object.fromEntries(entries) as Record<Lane, LaneBounds>;
}

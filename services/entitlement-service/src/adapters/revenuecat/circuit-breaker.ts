import CircuitBreaker from 'opossum';
import { breakerOpenError, countsAgainstBreaker } from './revenuecat-errors';

export type BreakerState = 'closed' | 'half-open' | 'open';

export interface RevenueCatBreaker {
  /**
   * Runs one attempt through the breaker; rejects at once with a retriable error while it is open. `subject`
   * (the app user the call is about) makes a user's repeated failures count once per window.
   */
  run<T>(attempt: () => Promise<T>, subject?: string): Promise<T>;
  state(): BreakerState;
  onStateChange(listener: (state: BreakerState) => void): void;
  shutdown(): void;
}

export interface BreakerOptions {
  /** Failure percentage over the rolling window that opens the breaker. */
  errorThresholdPercentage: number;
  /** Calls in the window before the percentage counts. */
  volumeThreshold: number;
  /** How long it stays open before one trial call (half-open). */
  resetTimeoutMs: number;
  rollingWindowMs: number;
}

export const DEFAULT_BREAKER_OPTIONS: BreakerOptions = {
  errorThresholdPercentage: 50,
  volumeThreshold: 10,
  resetTimeoutMs: 5_000,
  rollingWindowMs: 10_000,
};

/** A failure that does not count against the breaker: the same user already failed in this window. */
class RepeatedFailure {
  constructor(readonly error: unknown) {}
}

/**
 * The one circuit breaker in front of RevenueCat (DESIGN §5), over opossum. Timeouts are ours (each call has
 * an AbortSignal), so opossum's own timer is off. Rejections that are the caller's fault (4xx other than
 * 429/423) do not count as failures. While open, callers get a retriable error carrying `retryAfterMs`, which
 * the Kafka consumer turns into a paused partition instead of a busy loop.
 *
 * A user's failure is passed over when the same user already failed in this window and RevenueCat answered
 * someone else since: one user whose record RevenueCat keeps failing (retried, then parked, ADR 0019) would
 * otherwise open the breaker for every user. RevenueCat down answers nobody, so every failure counts, even
 * when only a few users are being retried (one held message per partition).
 */
export function createRevenueCatBreaker(
  options: Partial<BreakerOptions>,
  { now }: { now: () => number },
): RevenueCatBreaker {
  const settings = { ...DEFAULT_BREAKER_OPTIONS, ...options };
  const breaker = new CircuitBreaker((attempt: () => Promise<unknown>) => attempt(), {
    timeout: false,
    errorThresholdPercentage: settings.errorThresholdPercentage,
    volumeThreshold: settings.volumeThreshold,
    resetTimeout: settings.resetTimeoutMs,
    rollingCountTimeout: settings.rollingWindowMs,
    errorFilter: (error: unknown) => error instanceof RepeatedFailure || !countsAgainstBreaker(error),
  });
  /** user → when their last failure counted. */
  const counted = new Map<string, number>();
  /** When a call last succeeded, for anyone. */
  let lastSuccessAt = -Infinity;

  function repeated(subject: string): boolean {
    const at = now();
    const last = counted.get(subject);
    if (last !== undefined && at - last < settings.rollingWindowMs && lastSuccessAt >= last) return true;
    counted.delete(subject);
    counted.set(subject, at);
    // Oldest first: drop the entries that left the window.
    for (const [user, when] of counted) {
      if (at - when < settings.rollingWindowMs) break;
      counted.delete(user);
    }
    return false;
  }
  let openedAt = 0;
  const listeners: Array<(state: BreakerState) => void> = [];
  const emit = (state: BreakerState) => listeners.forEach((listener) => listener(state));
  breaker.on('open', () => {
    openedAt = now();
    emit('open');
  });
  breaker.on('halfOpen', () => emit('half-open'));
  breaker.on('close', () => emit('closed'));

  const state = (): BreakerState => (breaker.opened ? 'open' : breaker.halfOpen ? 'half-open' : 'closed');

  return {
    async run<T>(attempt: () => Promise<T>, subject?: string): Promise<T> {
      const counting =
        subject === undefined
          ? attempt
          : async () => {
              try {
                return await attempt();
              } catch (error) {
                if (countsAgainstBreaker(error) && repeated(subject)) throw new RepeatedFailure(error);
                throw error;
              }
            };
      try {
        const result = (await breaker.fire(counting)) as T;
        lastSuccessAt = now();
        return result;
      } catch (error) {
        if (error instanceof RepeatedFailure) throw error.error;
        if ((error as { code?: string }).code === 'EOPENBREAKER') {
          const remaining = Math.max(250, openedAt + settings.resetTimeoutMs - now());
          throw breakerOpenError(remaining);
        }
        throw error;
      }
    },
    state,
    onStateChange: (listener) => void listeners.push(listener),
    shutdown: () => breaker.shutdown(),
  };
}

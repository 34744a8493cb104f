import type { AppError } from '@teamseat/errors';

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

/** A message being retried: its back-off and its park deadline belong to it alone. */
export interface HeldMessage {
  topic: string;
  partition: number;
  offset: string;
  /** Failed attempts so far. */
  attempts: number;
  firstFailedAtMs: number;
}

/**
 * Exponential back-off with jitter (half to all of the step), or the error's own `retryAfterMs` when it
 * says how long to wait (RevenueCat's Retry-After, an open breaker).
 */
export function retryDelayMs(
  error: AppError,
  attempts: number,
  backoff: Backoff,
  random = Math.random,
): number {
  const requested = Number(error.details.retryAfterMs);
  if (Number.isFinite(requested) && requested > 0) return requested;
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** (attempts - 1)) * (0.5 + random() / 2);
}

/**
 * The messages being retried, each with its own attempts and first failure: several per partition when
 * messages of different keys fail at once (ADR 0027). Every other message starts from nothing.
 */
export function createRetryTracker({ now }: { now: () => number }) {
  const held = new Map<string, HeldMessage>();
  const keyOf = (topic: string, partition: number, offset: string) => `${topic}/${partition}/${offset}`;

  return {
    /** Records a failed attempt and returns the message's state after it. */
    failed(topic: string, partition: number, offset: string): HeldMessage {
      const key = keyOf(topic, partition, offset);
      const previous = held.get(key);
      const current = previous
        ? { ...previous, attempts: previous.attempts + 1 }
        : { topic, partition, offset, attempts: 1, firstFailedAtMs: now() };
      held.set(key, current);
      return current;
    },
    /** The message is done (handled, parked or dead-lettered): it holds nothing now. */
    settled(topic: string, partition: number, offset: string): void {
      held.delete(keyOf(topic, partition, offset));
    },
    /** After a rebalance: forgets partitions this member no longer owns. */
    keepOnly(assigned: Record<string, number[]>): void {
      for (const [key, message] of held) {
        if (!assigned[message.topic]?.includes(message.partition)) held.delete(key);
      }
    },
    held: (): HeldMessage[] => [...held.values()],
  };
}

export type RetryTracker = ReturnType<typeof createRetryTracker>;

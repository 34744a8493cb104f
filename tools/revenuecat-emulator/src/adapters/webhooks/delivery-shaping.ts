import type { Random } from '../random';
import type { WebhookEvent } from '../../domain/types';

/**
 * RevenueCat delivers at least once and in no guaranteed order. These options make that visible on demand:
 * drop an event, send it twice, or shuffle the events of a short window before sending them.
 */
export interface ShapingOptions {
  duplicateRate: number;
  dropRate: number;
  reorderWindowMs: number;
}

export function createDeliveryShaper(deps: {
  random: Random;
  options: () => ShapingOptions;
  later: (fn: () => void, delayMs: number) => void;
  deliver: (event: WebhookEvent, fate: { dropped: boolean; duplicated: boolean }) => void;
}) {
  let buffer: WebhookEvent[] = [];
  let flushing = false;

  const release = (event: WebhookEvent) => {
    const { dropRate, duplicateRate } = deps.options();
    const dropped = dropRate > 0 && deps.random() < dropRate;
    const duplicated = duplicateRate > 0 && deps.random() < duplicateRate;
    deps.deliver(event, { dropped, duplicated });
  };

  const flush = () => {
    flushing = false;
    const batch = shuffle(buffer, deps.random);
    buffer = [];
    batch.forEach(release);
  };

  return {
    push(event: WebhookEvent) {
      const { reorderWindowMs } = deps.options();
      if (reorderWindowMs <= 0) return release(event);
      buffer.push(event);
      if (!flushing) {
        flushing = true;
        deps.later(flush, reorderWindowMs);
      }
    },
    reset() {
      buffer = [];
      flushing = false;
    },
  };
}

/** Fisher-Yates; a batch that comes out in its original order is reversed so reordering always shows. */
export function shuffle<T>(items: T[], random: Random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  if (result.length > 1 && result.every((item, index) => item === items[index])) result.reverse();
  return result;
}

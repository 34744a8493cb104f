import { randomUUID } from 'node:crypto';
import type { Logger } from '@teamseat/logger';
import type { Random } from '../random';
import type { WebhookEvent } from '../../domain/types';
import { createDeliveryShaper } from './delivery-shaping';

/**
 * Sends webhooks the way RevenueCat does (REVENUECAT.md): POST `{"api_version":"1.0","event":…}` with the
 * configured Authorization value; only HTTP 200 counts; otherwise, or without an answer within the timeout,
 * up to 5 retries after 5, 10, 20, 40 and 80 minutes (times `retryScale`), the same body each time.
 */
export interface WebhookOptions {
  urls: string[];
  authorization: string | null;
  timeoutMs: number;
  /** Multiplies the retry schedule: 1 is RevenueCat's, 0.0001 turns 5 minutes into 30 ms. */
  retryScale: number;
  retryScheduleMinutes: number[];
  /** Probability that an event is delivered twice. */
  duplicateRate: number;
  /** Probability that an event is never sent at all. */
  dropRate: number;
  /** Events produced within this window are sent shuffled (0: in order). */
  reorderWindowMs: number;
  /** Events of these types are never sent (a missed RENEWAL or EXPIRATION, for repair tests). */
  dropEventTypes: string[];
  /** How many more events of `dropEventTypes` to drop before sending them again; null: all of them. */
  dropEventCount: number | null;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = {
  urls: [],
  authorization: null,
  timeoutMs: 60_000,
  retryScale: 1,
  retryScheduleMinutes: [5, 10, 20, 40, 80],
  duplicateRate: 0,
  dropRate: 0,
  reorderWindowMs: 0,
  dropEventTypes: [],
  dropEventCount: null,
};

export interface DeliveryAttempt {
  number: number;
  startedAt: string;
  durationMs: number;
  status: number | null;
  error: string | null;
}

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  appUserId: string | null;
  url: string;
  body: string;
  state: 'pending' | 'delivered' | 'failed' | 'dropped';
  duplicate: boolean;
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
  createdAt: string;
}

export interface WebhookDispatcher {
  send(events: WebhookEvent[]): void;
  /** Sends a delivered or failed event again, as the dashboard's re-send button does. */
  resend(eventId: string): Delivery[];
  deliveries(): Delivery[];
  options(): WebhookOptions;
  configure(patch: Partial<WebhookOptions>): WebhookOptions;
  /** Resolves once `predicate` holds for the deliveries, or rejects after `timeoutMs`. */
  waitFor(predicate: (deliveries: Delivery[]) => boolean, timeoutMs?: number): Promise<Delivery[]>;
  reset(): void;
  stop(): void;
}

export function createWebhookDispatcher(deps: {
  options: WebhookOptions;
  random: Random;
  logger: Logger;
}): WebhookDispatcher {
  let options = { ...deps.options };
  const log = deps.logger.child({ module: 'webhook-dispatcher' });
  const records: Delivery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const listeners = new Set<() => void>();
  let generation = 0;
  // Aborts attempts in flight when the dispatcher is reset or stopped.
  let inFlight = new AbortController();

  const changed = () => listeners.forEach((listener) => listener());
  const later = (fn: () => void, delayMs: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, delayMs);
    timers.add(timer);
  };

  async function attempt(delivery: Delivery, gen: number) {
    const number = delivery.attempts.length + 1;
    const started = Date.now();
    delivery.nextAttemptAt = null;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.authorization !== null) headers.authorization = options.authorization;
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers,
        body: delivery.body,
        signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), inFlight.signal]),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    if (gen !== generation) return;
    delivery.attempts.push({
      number,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      status,
      error,
    });
    if (status === 200) {
      delivery.state = 'delivered';
    } else {
      const waitMinutes = options.retryScheduleMinutes[number - 1];
      if (waitMinutes === undefined) {
        delivery.state = 'failed';
        log.warn({ eventId: delivery.eventId, url: delivery.url, attempts: number }, 'webhook gave up');
      } else {
        const delayMs = Math.round(waitMinutes * 60_000 * options.retryScale);
        delivery.nextAttemptAt = new Date(Date.now() + delayMs).toISOString();
        later(() => void attempt(delivery, gen), delayMs);
      }
    }
    log.debug({ eventId: delivery.eventId, url: delivery.url, number, status, error }, 'webhook attempt');
    changed();
  }

  function deliver(event: WebhookEvent, state: Delivery['state'], duplicate: boolean) {
    const body = JSON.stringify({ api_version: '1.0', event });
    for (const url of options.urls) {
      const delivery: Delivery = {
        id: randomUUID(),
        eventId: event.id,
        eventType: event.type,
        appUserId: typeof event.app_user_id === 'string' ? event.app_user_id : null,
        url,
        body,
        state,
        duplicate,
        attempts: [],
        nextAttemptAt: null,
        createdAt: new Date().toISOString(),
      };
      records.push(delivery);
      if (state === 'pending') void attempt(delivery, generation);
    }
    changed();
  }

  /** Whether the event is one of the types to drop; counts it against `dropEventCount`. */
  function droppedByType(event: WebhookEvent): boolean {
    if (!options.dropEventTypes.includes(event.type)) return false;
    if (options.dropEventCount === null) return true;
    if (options.dropEventCount <= 0) return false;
    options = { ...options, dropEventCount: options.dropEventCount - 1 };
    return true;
  }

  const shaper = createDeliveryShaper({
    random: deps.random,
    options: () => options,
    later,
    deliver: (event, fate) => {
      const dropped = fate.dropped || droppedByType(event);
      const duplicated = fate.duplicated;
      deliver(event, dropped ? 'dropped' : 'pending', false);
      if (duplicated && !dropped) deliver(event, 'pending', true);
    },
  });

  return {
    send: (events) => events.forEach((event) => shaper.push(event)),
    resend(eventId) {
      const original = records.find((d) => d.eventId === eventId && !d.duplicate);
      if (!original) return [];
      const event = (JSON.parse(original.body) as { event: WebhookEvent }).event;
      const before = records.length;
      deliver(event, 'pending', false);
      return records.slice(before);
    },
    deliveries: () => records.map((d) => ({ ...d, attempts: [...d.attempts] })),
    options: () => ({ ...options }),
    configure(patch) {
      options = { ...options, ...patch };
      return { ...options };
    },
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(records)) return false;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(records.map((d) => ({ ...d })));
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`webhooks: condition not met within ${timeoutMs} ms`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    reset() {
      generation += 1;
      inFlight.abort();
      inFlight = new AbortController();
      timers.forEach((timer) => clearTimeout(timer));
      timers.clear();
      shaper.reset();
      records.length = 0;
      changed();
    },
    stop() {
      generation += 1;
      inFlight.abort();
      timers.forEach((timer) => clearTimeout(timer));
      timers.clear();
      shaper.reset();
    },
  };
}

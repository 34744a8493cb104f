import { AppError } from '@teamseat/errors';
import type { BatchingProducer } from '@teamseat/kafka';
import { WEBHOOK_HEADERS } from '@teamseat/contracts';
import type { ReceivedWebhook, WebhookPublisher } from '../../application/ports';
import type { GatewayMetrics } from '../metrics/gateway-metrics';

export type { ReceivedWebhook, WebhookPublisher };

/**
 * Publishes webhooks through the shared batching producer and bounds the wait: if Kafka has not
 * acknowledged within `deadlineMs` the caller gets DEADLINE_EXCEEDED (and answers 503 so RevenueCat retries,
 * well before its own 60 s timeout). The produce attempt itself may still succeed later; that is a
 * duplicate the consumers absorb, never a lost event.
 */
export function createWebhookPublisher({
  producer,
  topic,
  deadlineMs,
  metrics,
  now = () => performance.now(),
}: {
  producer: BatchingProducer;
  topic: string;
  deadlineMs: number;
  metrics: GatewayMetrics;
  now?: () => number;
}): WebhookPublisher {
  // One promise and one timer per webhook: whichever settles first decides (a Promise.race with a separate
  // deadline promise cost two more promises per webhook on the hot path, bench/gateway).
  function withDeadline(sending: Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new AppError('DEADLINE_EXCEEDED', `Kafka did not acknowledge the event within ${deadlineMs} ms`, {
              retriable: true,
            }),
          ),
        deadlineMs,
      );
      // After the deadline the send may still settle: that outcome is dropped, never unhandled.
      sending.then(
        () => {
          clearTimeout(timer);
          resolve();
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  return {
    async publish(webhook) {
      const started = now();
      let outcome = 'acknowledged';
      try {
        await withDeadline(
          producer.send(topic, {
            key: webhook.key,
            value: webhook.raw,
            headers: {
              [WEBHOOK_HEADERS.eventId]: webhook.eventId,
              [WEBHOOK_HEADERS.eventType]: webhook.eventType,
              [WEBHOOK_HEADERS.receivedAt]: webhook.receivedAt.toISOString(),
              [WEBHOOK_HEADERS.traceparent]: webhook.traceparent,
            },
          }),
        );
      } catch (error) {
        outcome = error instanceof AppError && error.code === 'DEADLINE_EXCEEDED' ? 'deadline' : 'failed';
        throw error;
      } finally {
        metrics.publishDuration.observe({ outcome }, (now() - started) / 1000);
      }
    },
  };
}

/** A webhook as received, ready to be published. */
export interface ReceivedWebhook {
  /** The request body exactly as received; it goes to Kafka byte for byte (DESIGN §2). */
  raw: Buffer;
  eventId: string;
  eventType: string;
  key: string | null;
  traceparent: string;
  receivedAt: Date;
}

/** Where accepted webhooks go (adapters/kafka/webhook-publisher.ts publishes them to Kafka). */
export interface WebhookPublisher {
  /** Resolves once the event is durably stored; rejects with a retriable AppError otherwise. */
  publish(webhook: ReceivedWebhook): Promise<void>;
}

/** What publishing counts; the prom-client counters of adapters/metrics/gateway-metrics.ts fit it. */
export interface PublishMetrics {
  duplicates: { inc(): void };
  eventsPublished: { inc(labels: { type: string }): void };
}

import { Counter, Histogram, LATENCY_BUCKETS, type Registry } from '@teamseat/metrics';

export interface GatewayMetrics {
  requests: Counter<'status'>;
  publishDuration: Histogram<'outcome'>;
  batchSize: Histogram;
  authorizationFailures: Counter<'reason'>;
  duplicates: Counter;
  eventsPublished: Counter<'type'>;
}

/** The gateway's own series, registered on the instance's registry (README lists them). */
export function createGatewayMetrics(registry: Registry): GatewayMetrics {
  const registers = [registry];
  return {
    requests: new Counter({
      name: 'webhook_requests_total',
      help: 'Webhook HTTP requests by response status',
      labelNames: ['status'],
      registers,
    }),
    publishDuration: new Histogram({
      name: 'webhook_publish_duration_seconds',
      help: 'Time from handing an event to the producer until Kafka acknowledged it (or the attempt ended)',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    batchSize: new Histogram({
      name: 'webhook_publish_batch_size',
      help: 'Messages per produce request sent to Kafka',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      registers,
    }),
    authorizationFailures: new Counter({
      name: 'webhook_authorization_failures_total',
      help: 'Requests refused with 401, by reason (missing or mismatch)',
      labelNames: ['reason'],
      registers,
    }),
    duplicates: new Counter({
      name: 'webhook_duplicate_events_total',
      help: 'Events whose id this instance had already published recently (published again; consumers dedupe)',
      registers,
    }),
    eventsPublished: new Counter({
      name: 'webhook_events_published_total',
      help: 'Events acknowledged by Kafka, by RevenueCat event type (unknown types counted as OTHER)',
      labelNames: ['type'],
      registers,
    }),
  };
}

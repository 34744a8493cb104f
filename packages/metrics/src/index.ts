import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export { Counter, Gauge, Histogram, Registry };

/** One registry per service instance (not the global one), so tests can run several side by side. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Latency buckets in seconds, from 1 ms to 10 s. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** An existing topic replicated less than configured, as packages/kafka's ensureTopics reports it. */
export interface TopicShortfallSample {
  topic: string;
  setting: string;
  configured: number;
  actual: number;
}

const TOPIC_SHORTFALL = 'kafka_topic_replication_shortfall';

/**
 * Records each shortfall as configured minus actual, labelled by topic and setting, so an alert can fire on
 * `> 0` (docs/adr/0023). Topics that meet the configuration have no series.
 */
export function recordTopicShortfalls(registry: Registry, shortfalls: readonly TopicShortfallSample[]): void {
  const gauge =
    (registry.getSingleMetric(TOPIC_SHORTFALL) as Gauge | undefined) ??
    new Gauge({
      name: TOPIC_SHORTFALL,
      help: 'how far an existing topic falls below the configured replication factor or min.insync.replicas',
      labelNames: ['topic', 'setting'],
      registers: [registry],
    });
  for (const { topic, setting, configured, actual } of shortfalls) {
    gauge.set({ topic, setting }, configured - actual);
  }
}

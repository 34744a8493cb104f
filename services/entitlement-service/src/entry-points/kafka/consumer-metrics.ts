import { Counter, Gauge, Histogram, LATENCY_BUCKETS, type Registry } from '@teamseat/metrics';
import type { AppError } from '@teamseat/errors';
import type { ReceivedMessage, ResilientConsumer } from '@teamseat/kafka';

export interface ConsumerMetrics {
  handled(topic: string, outcome: string, seconds?: number): void;
  onRetry(error: AppError, message: ReceivedMessage): void;
  onDeadLetter(error: AppError, message: ReceivedMessage): void;
  onPark(error: AppError, message: ReceivedMessage): void;
  watch(name: string, consumer: ResilientConsumer): void;
}

export function createConsumerMetrics(registry: Registry): ConsumerMetrics {
  const handled = new Counter({
    name: 'entitlement_messages_handled_total',
    help: 'Kafka records handled, by topic and outcome',
    labelNames: ['topic', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'entitlement_message_seconds',
    help: 'Time to handle one Kafka record, by topic',
    labelNames: ['topic'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const retries = new Counter({
    name: 'entitlement_message_retries_total',
    help: 'Kafka records whose handling failed transiently (partition paused), by topic and reason',
    labelNames: ['topic', 'reason'],
    registers: [registry],
  });
  const deadLettered = new Counter({
    name: 'entitlement_messages_dead_lettered_total',
    help: 'Kafka records sent to the dead-letter topic, by topic and reason',
    labelNames: ['topic', 'reason'],
    registers: [registry],
  });
  const parked = new Counter({
    name: 'entitlement_messages_parked_total',
    help: 'Kafka records moved to the parking topic after failing transiently past the bound (or again from there), by topic and reason',
    labelNames: ['topic', 'reason'],
    registers: [registry],
  });
  const consumers = new Map<string, ResilientConsumer>();
  new Gauge({
    name: 'entitlement_partition_held_seconds',
    help: 'Longest time one message being retried has held its partition, by consumer (0 when none is held)',
    labelNames: ['consumer'],
    registers: [registry],
    collect() {
      const now = Date.now();
      for (const [name, consumer] of consumers) {
        const oldest = Math.min(now, ...consumer.heldMessages().map((held) => held.firstFailedAtMs));
        this.set({ consumer: name }, (now - oldest) / 1000);
      }
    },
  });
  new Gauge({
    name: 'entitlement_paused_partitions',
    help: 'Partitions paused after a transient failure (parking consumers: until a parked record is due), by consumer',
    labelNames: ['consumer'],
    registers: [registry],
    collect() {
      for (const [name, consumer] of consumers) {
        const paused = consumer.pausedPartitions().reduce((sum, entry) => sum + entry.partitions.length, 0);
        this.set({ consumer: name }, paused);
      }
    },
  });
  return {
    handled: (topic, outcome, seconds) => {
      handled.inc({ topic, outcome });
      if (seconds !== undefined) duration.observe({ topic }, seconds);
    },
    onRetry: (error, message) => retries.inc({ topic: message.topic, reason: error.reason }),
    onDeadLetter: (error, message) => deadLettered.inc({ topic: message.topic, reason: error.reason }),
    onPark: (error, message) => parked.inc({ topic: message.topic, reason: error.reason }),
    watch: (name, consumer) => void consumers.set(name, consumer),
  };
}

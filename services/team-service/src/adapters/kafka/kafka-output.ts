import {
  ensureTopics,
  kafkaSecurityHint,
  type BatchingProducer,
  type createKafka,
  type TopicReplication,
  type TopicShortfall,
} from '@teamseat/kafka';
import type { Logger } from '@teamseat/logger';

export interface KafkaOutput {
  /** Resolves once the topics exist and the producer is connected; never rejects. */
  readonly ready: Promise<void>;
  /** Stops trying (shutdown before Kafka ever answered). */
  cancel(): void;
}

/**
 * Creates the topics and connects the producer, retrying with growing delay until Kafka answers. It
 * runs beside the service rather than before it: team-service serves reads and writes without Kafka,
 * and the log holds the events until the relay can publish them (ADR 0024).
 */
export function startKafkaOutput({
  kafka,
  producer,
  topics,
  replication,
  onShortfalls,
  logger,
  firstDelayMs = 500,
  maxDelayMs = 15_000,
}: {
  kafka: ReturnType<typeof createKafka>;
  producer: BatchingProducer;
  topics: Array<{ name: string; partitions: number }>;
  /** Replication factor and min.insync.replicas of the topics it creates (ADR 0023). */
  replication: TopicReplication;
  /** Existing topics replicated less than configured, reported once the topics are checked. */
  onShortfalls: (shortfalls: TopicShortfall[]) => void;
  logger: Logger;
  firstDelayMs?: number;
  maxDelayMs?: number;
}): KafkaOutput {
  const log = logger.child({ module: 'kafka-output' });
  let cancelled = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;

  async function attempt(): Promise<void> {
    const shortfalls: TopicShortfall[] = [];
    for (const { name, partitions } of topics) {
      shortfalls.push(...(await ensureTopics(kafka, [name], { partitions, replication, logger })));
    }
    onShortfalls(shortfalls);
    await producer.connect();
  }

  async function run(): Promise<void> {
    for (let delay = firstDelayMs; !cancelled; delay = Math.min(maxDelayMs, delay * 2)) {
      try {
        await attempt();
        log.info('Kafka output ready');
        return;
      } catch (error) {
        const hint = kafkaSecurityHint(error);
        if (hint) log.error({ err: error, retryInMs: delay }, `${hint}; serving without Kafka meanwhile`);
        else {
          log.warn(
            { err: error, retryInMs: delay },
            'Kafka output not ready (topics or producer); serving without it',
          );
        }
      }
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, delay);
      });
    }
  }

  return {
    ready: run(),
    cancel() {
      cancelled = true;
      clearTimeout(timer);
      wakeUp?.();
    },
  };
}

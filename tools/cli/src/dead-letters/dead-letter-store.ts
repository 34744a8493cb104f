import { createBatchingProducer, createKafka, type KafkaClient } from '@teamseat/kafka';
import { createLogger } from '@teamseat/logger';
import { CliError } from '../errors';
import {
  matches,
  parseDeadLetterId,
  replayOf,
  toDeadLetter,
  type DeadLetter,
  type DeadLetterFilter,
} from './dead-letter';
import { deadLetterTopics, rangesOf, readRanges } from './topic-reader';

const REPLAY_CHUNK = 100;

/** Kafka's failures name a broker error; the person needs to know which cluster and which setting. */
function kafkaFailure(error: unknown, brokers: string[]): Error {
  if (error instanceof CliError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (/ECONNREFUSED|ENOTFOUND|Connection (error|timeout)|retries exceeded|Closed connection/i.test(text))
    return new CliError(
      `cannot reach Kafka at ${brokers.join(',')} (${text}); set --kafka-brokers or KAFKA_BROKERS`,
    );
  return error instanceof Error ? error : new Error(text);
}

/** Reads `<topic>.dlq` topics and replays their records (`teamseat dlq`). */
export function createDeadLetterStore({
  brokers,
  timeoutMs,
  logLevel = 'silent',
}: {
  brokers: string[];
  timeoutMs: number;
  logLevel?: string;
}) {
  // Silent: what kafkajs could not get past reaches the command as an error, printed as one line;
  // TEAMSEAT_LOG_LEVEL=debug shows its log (on stderr: stdout carries the command's output).
  const logger = createLogger({ service: 'teamseat-cli', level: logLevel, destination: process.stderr });
  const kafka: KafkaClient = createKafka({
    brokers,
    clientId: 'teamseat-cli',
    logger,
    retry: { retries: 1, initialRetryTime: 200, maxRetryTime: 1_000 },
  });
  const readTimeoutMs = Math.max(timeoutMs, 60_000);
  const guard = <T>(work: () => Promise<T>): Promise<T> =>
    work().catch((error: unknown) => {
      throw kafkaFailure(error, brokers);
    });

  /** `revenuecat.webhooks.v1` and `revenuecat.webhooks.v1.dlq` both name the same dead-letter topic. */
  const dlqName = (topic: string) => (topic.endsWith('.dlq') ? topic : `${topic}.dlq`);

  async function topicsOf(topic: string | undefined): Promise<string[]> {
    const all = await deadLetterTopics(kafka);
    if (topic === undefined) return all;
    const name = dlqName(topic);
    if (!all.includes(name))
      throw new CliError(`--topic: no dead-letter topic ${name} (there are: ${all.join(', ') || 'none'})`);
    return [name];
  }

  return {
    /** The dead letters of the topic (all `.dlq` topics without one) that pass the filter, oldest first. */
    list(topic: string | undefined, filter: DeadLetterFilter, limit: number): Promise<DeadLetter[]> {
      return guard(async () => {
        const found: DeadLetter[] = [];
        const ranges = [];
        for (const name of await topicsOf(topic))
          ranges.push(...(await rangesOf(kafka, name, { sinceMs: filter.sinceMs })));
        await readRanges(
          kafka,
          ranges,
          (message) => {
            const letter = toDeadLetter(message);
            if (matches(letter, filter)) found.push(letter);
            return found.length < limit;
          },
          { timeoutMs: readTimeoutMs },
        );
        // Partitions are read side by side: the oldest first across them, as people read a list.
        found.sort((a, b) => Date.parse(a.failedAt) - Date.parse(b.failedAt));
        return found;
      });
    },

    /** One dead letter by its id (`<topic>.dlq:<partition>:<offset>`). */
    show(id: string): Promise<DeadLetter> {
      return guard(async () => {
        const where = parseDeadLetterId(id);
        await topicsOf(where.topic);
        const ranges = await rangesOf(kafka, where.topic, {
          partition: where.partition,
          offset: where.offset,
        });
        let found: DeadLetter | undefined;
        await readRanges(
          kafka,
          ranges,
          (message) => {
            if (message.offset === where.offset) found = toDeadLetter(message);
            return false;
          },
          { timeoutMs: readTimeoutMs },
        );
        if (!found)
          throw new CliError(
            `no dead letter ${id} (no such partition or offset, or already deleted by retention)`,
          );
        return found;
      });
    },

    /** Produces each dead letter back to its original topic, in order, marked as replayed. */
    replay(letters: DeadLetter[], onReplayed: (done: number) => void, now: () => number): Promise<void> {
      return guard(async () => {
        const producer = createBatchingProducer({ kafka, logger });
        await producer.connect();
        try {
          // Sent together, a chunk shares produce requests; the producer keeps the order they were sent in.
          for (let start = 0; start < letters.length; start += REPLAY_CHUNK) {
            const chunk = letters.slice(start, start + REPLAY_CHUNK).map((letter) => replayOf(letter, now()));
            await Promise.all(chunk.map(({ topic, message }) => producer.send(topic, message)));
            onReplayed(start + chunk.length);
          }
        } finally {
          await producer.disconnect();
        }
      });
    },
  };
}

export type DeadLetterStore = ReturnType<typeof createDeadLetterStore>;

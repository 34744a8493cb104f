import type { Consumer, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { toAppError, type AppError } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import type { BatchingProducer } from './batching-producer';

export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: string;
}

export type MessageHandler = (message: ReceivedMessage, log: Logger) => Promise<void>;

export interface ResilientConsumer {
  start(): Promise<void>;
  /** Stops fetching, lets the message in hand finish, commits, leaves the group. */
  stop(): Promise<void>;
  /** Partitions currently paused because of a transient failure. */
  pausedPartitions(): Array<{ topic: string; partitions: number[] }>;
}

export const DLQ_SUFFIX = '.dlq';

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

function toReceived(topic: string, partition: number, message: KafkaMessage): ReceivedMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value,
    headers: headersToStrings(message.headers),
    timestamp: message.timestamp,
  };
}

/**
 * A consumer that never loses or spins (DESIGN §5): a message is committed only after its handler succeeds
 * or it has been dead-lettered. A retriable failure pauses only that partition, with exponential backoff
 * (or the error's own `retryAfterMs`), and the same message is delivered again on resume. A non-retriable
 * failure goes to `<topic>.dlq` with the reason and the partition moves on.
 */
export function createResilientConsumer({
  kafka,
  groupId,
  topics,
  handler,
  dlqProducer,
  logger,
  backoff = { initialMs: 200, maxMs: 30_000 },
  partitionsConsumedConcurrently = 3,
  onRetry,
  onDeadLetter,
  fromBeginning = true,
  maxWaitTimeInMs,
}: {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  handler: MessageHandler;
  dlqProducer: BatchingProducer;
  logger: Logger;
  backoff?: { initialMs: number; maxMs: number };
  partitionsConsumedConcurrently?: number;
  onRetry?: (error: AppError, message: ReceivedMessage) => void;
  onDeadLetter?: (error: AppError, message: ReceivedMessage) => void;
  /** Where a group without committed offsets starts; false suits per-instance listeners (cache invalidation). */
  fromBeginning?: boolean;
  /** Longest a fetch waits for data on a quiet topic; stop() waits for the fetch in flight (kafkajs default 5000). */
  maxWaitTimeInMs?: number;
}): ResilientConsumer {
  const consumer: Consumer = kafka.consumer({
    groupId,
    retry: { retries: 10, initialRetryTime: 200 },
    ...(maxWaitTimeInMs === undefined ? {} : { maxWaitTimeInMs }),
  });
  const log = logger.child({ module: 'consumer', groupId });
  const attempts = new Map<string, number>();
  const resumeTimers = new Set<NodeJS.Timeout>();

  async function deadLetter(received: ReceivedMessage, error: AppError, attemptCount: number): Promise<void> {
    await dlqProducer.send(received.topic + DLQ_SUFFIX, {
      key: received.key,
      value: received.value ?? Buffer.alloc(0),
      headers: {
        ...received.headers,
        'error-code': error.reason,
        'error-message': error.message,
        'failed-at': new Date().toISOString(),
        attempts: String(attemptCount),
        'original-topic': received.topic,
        'original-partition': String(received.partition),
        'original-offset': received.offset,
      },
    });
  }

  return {
    async start() {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning });
      await consumer.run({
        partitionsConsumedConcurrently,
        eachMessage: async ({ topic, partition, message, pause }) => {
          const received = toReceived(topic, partition, message);
          const attemptKey = `${topic}/${partition}/${message.offset}`;
          const attempt = (attempts.get(attemptKey) ?? 0) + 1;
          const messageLog = log.child({ topic, partition, offset: message.offset, attempt });
          try {
            await handler(received, messageLog);
            attempts.delete(attemptKey);
          } catch (thrown) {
            const error = toAppError(thrown);
            if (!error.retriable) {
              messageLog.error({ err: error, reason: error.reason }, 'dead-lettering message');
              await deadLetter(received, error, attempt);
              attempts.delete(attemptKey);
              onDeadLetter?.(error, received);
              return;
            }
            attempts.set(attemptKey, attempt);
            const requested = Number(error.details.retryAfterMs);
            const delay =
              Number.isFinite(requested) && requested > 0
                ? requested
                : Math.min(backoff.maxMs, backoff.initialMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
            messageLog.warn(
              { err: error, reason: error.reason, delayMs: Math.round(delay) },
              'transient failure; pausing partition',
            );
            onRetry?.(error, received);
            const resume = pause();
            const timer = setTimeout(() => {
              resumeTimers.delete(timer);
              resume();
            }, delay);
            resumeTimers.add(timer);
            // Throwing keeps the offset unresolved, so the same message comes back after the resume.
            throw error;
          }
        },
      });
    },
    async stop() {
      for (const timer of resumeTimers) clearTimeout(timer);
      resumeTimers.clear();
      await consumer.disconnect();
    },
    pausedPartitions: () => consumer.paused(),
  };
}

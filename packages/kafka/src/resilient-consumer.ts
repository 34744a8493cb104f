import type { Consumer, Kafka } from 'kafkajs';
import { toAppError, type AppError } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import type { BatchingProducer } from './batching-producer';
import { deadLetter } from './dead-letter';
import { createHoldingConsumer, DONE, type StepOutcome } from './holding-consumer';
import type { Parker } from './parking';
import type { ReceivedMessage } from './received-message';
import { createRetryTracker, retryDelayMs, type Backoff, type HeldMessage } from './retry-tracker';

export type MessageHandler = (message: ReceivedMessage, log: Logger) => Promise<void>;

export interface RetryInfo {
  attempt: number;
  delayMs: number;
}

export interface ResilientConsumer {
  start(): Promise<void>;
  /** Stops fetching, lets the message in hand finish, commits, leaves the group. */
  stop(): Promise<void>;
  /** Partitions currently paused: retrying a message, or (parking consumers) waiting for one to be due. */
  pausedPartitions(): Array<{ topic: string; partitions: number[] }>;
  /** The messages being retried (each holds its key and its partition's commit point), since when. */
  heldMessages(): HeldMessage[];
  /** kafkajs' instrumentation events (group join, crash), for tests and metrics. */
  on: Consumer['on'];
}

export interface Parking {
  parker: Parker;
  /** A message failing retriably for this long moves to the parking topic and the partition moves on. */
  afterMs: number;
  onPark?: (error: AppError, message: ReceivedMessage) => void;
}

/**
 * A consumer that never loses or spins (DESIGN §5, ADR 0019, ADR 0027): a message is committed only after
 * its handler succeeds, or it has been parked or dead-lettered. A retriable failure holds only that message,
 * its key's later messages and its partition's commit point, with exponential back-off (or the error's own
 * `retryAfterMs`) that belongs to the message; other keys and partitions keep flowing and the group is never
 * left. With `parking`, a message still failing after `afterMs` moves to `<topic>.parked` and its key moves
 * on. A non-retriable failure goes to `<topic>.dlq` with the reason.
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
  keysInFlight = 1,
  holdsPartition = () => false,
  onRetry,
  onDeadLetter,
  parking,
  fromBeginning = true,
  maxWaitTimeInMs,
  now = Date.now,
}: {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  handler: MessageHandler;
  dlqProducer: BatchingProducer;
  logger: Logger;
  backoff?: Backoff;
  partitionsConsumedConcurrently?: number;
  /** Messages of different keys handled at once per partition; one key's stay in order (ADR 0027). */
  keysInFlight?: number;
  /**
   * Failures that would refuse every key alike (an open circuit breaker): the whole partition waits out the
   * delay instead of trying its other keys only to fail the same way.
   */
  holdsPartition?: (error: AppError) => boolean;
  onRetry?: (error: AppError, message: ReceivedMessage, retry: RetryInfo) => void;
  onDeadLetter?: (error: AppError, message: ReceivedMessage) => void;
  /** Without it a message is retried for as long as it fails (listeners whose work cannot stay failing). */
  parking?: Parking;
  /** Where a group without committed offsets starts; false suits per-instance listeners (cache invalidation). */
  fromBeginning?: boolean;
  /** Longest a fetch waits for data on a quiet topic; stop() waits for the fetch in flight (kafkajs default 5000). */
  maxWaitTimeInMs?: number;
  now?: () => number;
}): ResilientConsumer {
  const log = logger.child({ module: 'consumer', groupId });
  const tracker = createRetryTracker({ now });

  /** Runs `send` (dead letter, park); if Kafka refuses it, the message is retried like a handler failure. */
  async function settleBy(
    message: ReceivedMessage,
    { attempts }: HeldMessage,
    messageLog: Logger,
    send: () => Promise<void>,
  ): Promise<StepOutcome> {
    try {
      await send();
      tracker.settled(message.topic, message.partition, message.offset);
      return DONE;
    } catch (thrown) {
      const error = toAppError(thrown);
      const delayMs = retryDelayMs(error, attempts, backoff);
      messageLog.warn(
        { err: error, delayMs: Math.round(delayMs) },
        'could not park or dead-letter; retrying',
      );
      return { kind: 'hold', delayMs };
    }
  }

  async function step(message: ReceivedMessage): Promise<StepOutcome> {
    const { topic, partition, offset } = message;
    const messageLog = log.child({ topic, partition, offset });
    try {
      await handler(message, messageLog);
      tracker.settled(topic, partition, offset);
      return DONE;
    } catch (thrown) {
      const error = toAppError(thrown);
      const held = tracker.failed(topic, partition, offset);
      if (!error.retriable) {
        messageLog.error(
          { err: error, reason: error.reason, attempt: held.attempts },
          'dead-lettering message',
        );
        return settleBy(message, held, messageLog, async () => {
          await deadLetter(dlqProducer, message, error, held.attempts);
          onDeadLetter?.(error, message);
        });
      }
      const heldForMs = now() - held.firstFailedAtMs;
      if (parking && heldForMs >= parking.afterMs) {
        return settleBy(message, held, messageLog, async () => {
          const { dueAtMs } = await parking.parker.park(message, {
            error,
            attempts: held.attempts,
            firstFailedAtMs: held.firstFailedAtMs,
            group: groupId,
          });
          messageLog.warn(
            {
              err: error,
              reason: error.reason,
              attempts: held.attempts,
              heldForMs,
              dueAt: new Date(dueAtMs),
            },
            'still failing after the parking bound; parked, the partition moves on',
          );
          parking.onPark?.(error, message);
        });
      }
      const untilPark = parking ? parking.afterMs - heldForMs : Infinity;
      const delayMs = Math.min(retryDelayMs(error, held.attempts, backoff), untilPark);
      messageLog.warn(
        { err: error, reason: error.reason, attempt: held.attempts, delayMs: Math.round(delayMs) },
        'transient failure; holding this message and its key',
      );
      onRetry?.(error, message, { attempt: held.attempts, delayMs });
      return { kind: holdsPartition(error) ? 'wait' : 'hold', delayMs };
    }
  }

  const holding = createHoldingConsumer({
    kafka,
    groupId,
    topics,
    step,
    partitionsConsumedConcurrently,
    keysInFlight,
    fromBeginning,
    maxWaitTimeInMs,
    now,
  });
  const { consumer } = holding;
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => tracker.keepOnly(payload.memberAssignment));

  return {
    start: () => holding.start(),
    stop: () => holding.stop(),
    pausedPartitions: () => consumer.paused(),
    heldMessages: () => tracker.held(),
    on: consumer.on,
  };
}

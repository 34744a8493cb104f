import type { Kafka } from 'kafkajs';
import { toAppError, type AppError } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import type { BatchingProducer } from './batching-producer';
import { deadLetter } from './dead-letter';
import { createHoldingConsumer, DONE, type StepOutcome } from './holding-consumer';
import { PARK_HEADERS, parkedTopic, type Parker } from './parking';
import type { ReceivedMessage } from './received-message';
import type { MessageHandler, ResilientConsumer } from './resilient-consumer';
import { retryDelayMs, type Backoff } from './retry-tracker';

/**
 * Takes parked messages back (ADR 0019): each one waits in its partition until it is due (the partition
 * is paused until then, no polling), then goes through the same handler as on its original topic. A
 * retriable failure parks it again, one round later (longer delay); a non-retriable one dead-letters it to
 * `<original topic>.dlq`; nothing is dropped. Messages parked by another group are skipped.
 */
export function createParkingConsumer({
  kafka,
  sourceGroupId,
  sourceTopics,
  handler,
  parker,
  dlqProducer,
  logger,
  backoff = { initialMs: 200, maxMs: 30_000 },
  partitionsConsumedConcurrently = 1,
  onPark,
  onDeadLetter,
  maxWaitTimeInMs,
  now = Date.now,
}: {
  kafka: Kafka;
  /** The group that parked the messages; this consumer's group is `<it>.parked`. */
  sourceGroupId: string;
  sourceTopics: string[];
  handler: MessageHandler;
  parker: Parker;
  dlqProducer: BatchingProducer;
  logger: Logger;
  /** Only for when Kafka refuses the re-park or the dead letter. */
  backoff?: Backoff;
  partitionsConsumedConcurrently?: number;
  onPark?: (error: AppError, message: ReceivedMessage) => void;
  onDeadLetter?: (error: AppError, message: ReceivedMessage) => void;
  maxWaitTimeInMs?: number;
  now?: () => number;
}): ResilientConsumer {
  const groupId = `${sourceGroupId}.parked`;
  const log = logger.child({ module: 'parking-consumer', groupId });
  // Consecutive refusals from Kafka per message, for the back-off of those retries only.
  const refusals = new Map<string, number>();

  async function settle(message: ReceivedMessage, messageLog: Logger, send: () => Promise<void>) {
    const key = `${message.topic}/${message.partition}/${message.offset}`;
    try {
      await send();
      refusals.delete(key);
      return DONE;
    } catch (thrown) {
      const error = toAppError(thrown);
      const count = (refusals.get(key) ?? 0) + 1;
      refusals.set(key, count);
      const delayMs = retryDelayMs(error, count, backoff);
      messageLog.warn(
        { err: error, delayMs: Math.round(delayMs) },
        'could not park again or dead-letter; retrying',
      );
      return { kind: 'hold', delayMs } as const;
    }
  }

  async function step(message: ReceivedMessage): Promise<StepOutcome> {
    const { headers } = message;
    if (headers[PARK_HEADERS.group] !== sourceGroupId) return DONE;
    const dueAtMs = Date.parse(headers[PARK_HEADERS.dueAt] ?? '');
    const waitMs = dueAtMs - now();
    // The head of a parking partition is the next one due there: the whole partition sleeps until then.
    // Nothing is parked for longer than the last round; a later due time (a clock moved back) is cut to it.
    if (waitMs > 0) return { kind: 'wait', delayMs: Math.min(waitMs, parker.rounds.at(-1)!) };

    const attempts = Number(headers[PARK_HEADERS.attempts] ?? 0) + 1;
    const messageLog = log.child({
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      originalTopic: headers['original-topic'],
      originalOffset: headers['original-offset'],
      round: headers[PARK_HEADERS.round],
      attempts,
    });
    try {
      await handler(message, messageLog);
      messageLog.info('parked message handled');
      return DONE;
    } catch (thrown) {
      const error = toAppError(thrown);
      if (!error.retriable) {
        messageLog.error({ err: error, reason: error.reason }, 'dead-lettering parked message');
        return settle(message, messageLog, async () => {
          await deadLetter(dlqProducer, message, error, attempts);
          onDeadLetter?.(error, message);
        });
      }
      return settle(message, messageLog, async () => {
        const firstFailedAtMs = Date.parse(headers[PARK_HEADERS.firstFailedAt] ?? '');
        const { round, dueAtMs } = await parker.park(message, {
          error,
          attempts,
          firstFailedAtMs: Number.isFinite(firstFailedAtMs) ? firstFailedAtMs : now(),
          group: sourceGroupId,
        });
        messageLog.warn(
          { err: error, reason: error.reason, round, dueAt: new Date(dueAtMs) },
          'parked again',
        );
        onPark?.(error, message);
      });
    }
  }

  const holding = createHoldingConsumer({
    kafka,
    groupId,
    topics: sourceTopics.map(parkedTopic),
    step,
    partitionsConsumedConcurrently,
    fromBeginning: true,
    maxWaitTimeInMs,
    now,
  });
  const { consumer } = holding;
  return {
    start: () => holding.start(),
    stop: () => holding.stop(),
    pausedPartitions: () => consumer.paused(),
    heldMessages: () => [],
    on: consumer.on,
  };
}

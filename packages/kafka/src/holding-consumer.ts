import type { Consumer, Kafka } from 'kafkajs';
import type { ReceivedMessage } from './received-message';
import { toReceived } from './received-message';

/** What became of one message: finished (its offset may be committed), or its partition waits a while. */
export type StepOutcome = { kind: 'done' } | { kind: 'hold'; delayMs: number };

export const DONE: StepOutcome = { kind: 'done' };

/** Node fires a longer timer at once (it overflows); a hold that long is cut and simply comes back. */
const LONGEST_HOLD_MS = 2 ** 31 - 1;

export interface HoldingConsumer {
  readonly consumer: Consumer;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The batch loop both consumers share. Each message goes through `step`; a finished one is resolved (and
 * so committed, kafkajs' auto-commit), a held one is not: its partition is paused for `delayMs` and the
 * rest of the batch is dropped. kafkajs fetches a partition from its last resolved offset, so after the
 * resume the held message comes again, and nothing after it was committed.
 *
 * Nothing is thrown to kafkajs: a throw from eachBatch/eachMessage stops the fetch of every partition led
 * by that broker, goes through the runner's retrier (10 retries, about 90 s) and then crashes and rejoins
 * the group, rebalancing every partition (issue 16, ADR 0019). Returning keeps the other partitions of
 * the same fetch, and the next fetches, flowing while the held one sleeps.
 */
export function createHoldingConsumer({
  kafka,
  groupId,
  topics,
  step,
  partitionsConsumedConcurrently,
  fromBeginning,
  maxWaitTimeInMs,
}: {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  step: (message: ReceivedMessage) => Promise<StepOutcome>;
  partitionsConsumedConcurrently: number;
  fromBeginning: boolean;
  maxWaitTimeInMs?: number;
}): HoldingConsumer {
  const consumer = kafka.consumer({
    groupId,
    retry: { retries: 10, initialRetryTime: 200 },
    ...(maxWaitTimeInMs === undefined ? {} : { maxWaitTimeInMs }),
  });
  const resumeTimers = new Map<string, NodeJS.Timeout>();

  function holdPartition(topic: string, partition: number, pause: () => () => void, delayMs: number): void {
    const key = `${topic}/${partition}`;
    clearTimeout(resumeTimers.get(key));
    const resume = pause();
    const timer = setTimeout(
      () => {
        resumeTimers.delete(key);
        resume();
      },
      Math.min(delayMs, LONGEST_HOLD_MS),
    );
    resumeTimers.set(key, timer);
  }

  return {
    consumer,
    async start() {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning });
      await consumer.run({
        partitionsConsumedConcurrently,
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, heartbeat, pause, isRunning, isStale }) => {
          const { topic, partition } = batch;
          for (const message of batch.messages) {
            // Stopping, or the partition was revoked or sought meanwhile: leave the rest unresolved.
            if (!isRunning() || isStale()) return;
            const outcome = await step(toReceived(topic, partition, message));
            if (outcome.kind === 'hold') {
              holdPartition(topic, partition, pause, outcome.delayMs);
              return;
            }
            resolveOffset(message.offset);
            await heartbeat();
          }
        },
      });
    },
    async stop() {
      for (const timer of resumeTimers.values()) clearTimeout(timer);
      resumeTimers.clear();
      await consumer.disconnect();
    },
  };
}

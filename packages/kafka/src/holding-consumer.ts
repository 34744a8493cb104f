import type { Consumer, Kafka } from 'kafkajs';
import { emptyLanes, runKeyedBatch, type PartitionLanes } from './keyed-batch';
import type { ReceivedMessage } from './received-message';
import { toReceived } from './received-message';
import type { StepOutcome } from './step-outcome';

export { DONE, type StepOutcome } from './step-outcome';

/** Node fires a longer timer at once (it overflows); a hold that long is cut and simply comes back. */
const LONGEST_HOLD_MS = 2 ** 31 - 1;
/** kafkajs' own default fetch wait. */
const DEFAULT_MAX_WAIT_MS = 5_000;

export interface HoldingConsumer {
  readonly consumer: Consumer;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The batch loop both consumers share. Each message goes through `step`; messages of different keys of one
 * partition run at once, up to `keysInFlight`, those of one key in offset order (ADR 0027). The commit point
 * (kafkajs' resolved offset, auto-committed) moves only over finished messages; a held message keeps it, and
 * its key's later messages, back while the other keys go on. kafkajs fetches a partition from its resolved
 * offset, so the held message comes again; what already finished past it is passed over.
 *
 * Nothing is thrown to kafkajs while work is in flight: a throw from eachBatch stops the fetch of every
 * partition led by that broker, goes through the runner's retrier (10 retries, about 90 s) and then crashes
 * and rejoins the group, rebalancing every partition (issue 16, ADR 0019). Returning keeps the other
 * partitions of the same fetch, and the next fetches, flowing while a held message backs off. Only a failed
 * heartbeat (a rebalance) is rethrown, after the work in flight has finished and been resolved.
 */
export function createHoldingConsumer({
  kafka,
  groupId,
  topics,
  step,
  partitionsConsumedConcurrently,
  keysInFlight = 1,
  fromBeginning,
  maxWaitTimeInMs,
  now = Date.now,
}: {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  step: (message: ReceivedMessage) => Promise<StepOutcome>;
  partitionsConsumedConcurrently: number;
  /** Messages of different keys handled at once in one partition. */
  keysInFlight?: number;
  fromBeginning: boolean;
  maxWaitTimeInMs?: number;
  now?: () => number;
}): HoldingConsumer {
  const consumer = kafka.consumer({
    groupId,
    retry: { retries: 10, initialRetryTime: 200 },
    ...(maxWaitTimeInMs === undefined ? {} : { maxWaitTimeInMs }),
  });
  const resumeTimers = new Map<string, NodeJS.Timeout>();
  const partitionLanes = new Map<string, PartitionLanes>();
  const keyOf = (topic: string, partition: number) => `${topic}/${partition}`;

  function lanesOf(topic: string, partition: number): PartitionLanes {
    const key = keyOf(topic, partition);
    const known = partitionLanes.get(key);
    if (known) return known;
    const lanes = emptyLanes();
    partitionLanes.set(key, lanes);
    return lanes;
  }

  function holdPartition(topic: string, partition: number, pause: () => () => void, delayMs: number): void {
    const key = keyOf(topic, partition);
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

  // After a rebalance a partition this member lost is another member's now: forget what was done there.
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    for (const key of partitionLanes.keys()) {
      const at = key.lastIndexOf('/');
      if (!payload.memberAssignment[key.slice(0, at)]?.includes(Number(key.slice(at + 1))))
        partitionLanes.delete(key);
    }
  });

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
          let heartbeatFailure: unknown;
          const { resolvedThrough, pauseMs } = await runKeyedBatch({
            messages: batch.messages.map((message) => toReceived(topic, partition, message)),
            lanes: lanesOf(topic, partition),
            step,
            keysInFlight,
            // Stopping, rebalancing, or the partition was sought meanwhile: start nothing more.
            canStart: () => isRunning() && !isStale() && heartbeatFailure === undefined,
            afterDone: async () => {
              try {
                await heartbeat();
              } catch (error) {
                heartbeatFailure ??= error;
              }
            },
            idlePollMs: maxWaitTimeInMs ?? DEFAULT_MAX_WAIT_MS,
            now,
          });
          if (isStale()) partitionLanes.delete(keyOf(topic, partition));
          else if (resolvedThrough !== undefined) resolveOffset(resolvedThrough);
          if (pauseMs !== undefined) holdPartition(topic, partition, pause, pauseMs);
          if (heartbeatFailure !== undefined) throw heartbeatFailure;
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

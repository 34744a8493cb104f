import type { Admin, Kafka } from 'kafkajs';
import type { AppError } from '@teamseat/errors';
import type { BatchingProducer } from './batching-producer';
import { originOf } from './dead-letter';
import type { ReceivedMessage } from './received-message';

export const PARKED_SUFFIX = '.parked';

/** The parking topic of a topic: `<topic>.parked`, beside `<topic>.dlq` (ADR 0019). */
export const parkedTopic = (topic: string): string => topic + PARKED_SUFFIX;

export interface ParkingDelays {
  /** Delay before the first retry from the parking topic. */
  initialMs: number;
  /** The delay doubles up to this. */
  maxMs: number;
}

/**
 * The delay of each parking round: initial, doubling, the last one capped at max (1 min → 1 h gives
 * 1, 2, 4, 8, 16, 32, 60 min). Round n is produced to partition n (the last one takes the rest), so every
 * partition of the parking topic holds messages of one delay, appended in the order they were parked: the
 * head of a partition is always the next one due there, and its consumer can sleep until then.
 */
export function parkingRounds({ initialMs, maxMs }: ParkingDelays): number[] {
  if (!(initialMs > 0)) throw new Error(`parking delays: initialMs must be positive, got ${initialMs}`);
  if (!(maxMs >= initialMs))
    throw new Error(`parking delays: maxMs must be at least initialMs, got ${maxMs}`);
  const rounds: number[] = [];
  for (let delay = initialMs; delay < maxMs; delay *= 2) rounds.push(delay);
  rounds.push(maxMs);
  return rounds;
}

export interface ParkingRecord {
  /** Why it failed last, and in how many handler attempts in all. */
  error: AppError;
  attempts: number;
  firstFailedAtMs: number;
  /** The consumer group whose parking consumer takes it back (others sharing the topic skip it). */
  group: string;
}

/** Headers a parked message carries on top of all of its own. */
export const PARK_HEADERS = {
  group: 'parked-group',
  reason: 'parked-reason',
  error: 'parked-error',
  at: 'parked-at',
  dueAt: 'parked-due-at',
  round: 'parked-round',
  attempts: 'attempts',
  firstFailedAt: 'first-failed-at',
} as const;

/** Produces a message to its parking topic, due after the delay of its next parking round. */
export function createParker({
  kafka,
  producer,
  delays,
  now,
}: {
  kafka: Kafka;
  producer: BatchingProducer;
  delays: ParkingDelays;
  now: () => number;
}) {
  const rounds = parkingRounds(delays);
  const partitionCounts = new Map<string, number>();

  async function partitionsOf(topic: string): Promise<number> {
    const known = partitionCounts.get(topic);
    if (known !== undefined) return known;
    const admin: Admin = kafka.admin();
    await admin.connect();
    try {
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      const count = metadata?.partitions.length ?? 0;
      if (count === 0) throw new Error(`parking topic ${topic} has no partitions`);
      partitionCounts.set(topic, count);
      return count;
    } finally {
      await admin.disconnect();
    }
  }

  return {
    rounds,
    /** Resolves once the broker has the parked copy; only then may the original be committed. */
    async park(message: ReceivedMessage, record: ParkingRecord): Promise<{ round: number; dueAtMs: number }> {
      const origin = originOf(message);
      const round = Number(message.headers[PARK_HEADERS.round] ?? 0) + 1;
      const delayMs = rounds[Math.min(round, rounds.length) - 1]!;
      const at = now();
      const dueAtMs = at + delayMs;
      const topic = parkedTopic(origin.topic);
      const partition = Math.min(round, await partitionsOf(topic)) - 1;
      await producer.send(topic, {
        key: message.key,
        value: message.value ?? Buffer.alloc(0),
        partition,
        headers: {
          ...message.headers,
          [PARK_HEADERS.group]: record.group,
          [PARK_HEADERS.reason]: record.error.reason,
          [PARK_HEADERS.error]: record.error.message,
          [PARK_HEADERS.at]: new Date(at).toISOString(),
          [PARK_HEADERS.dueAt]: new Date(dueAtMs).toISOString(),
          [PARK_HEADERS.round]: String(round),
          [PARK_HEADERS.attempts]: String(record.attempts),
          [PARK_HEADERS.firstFailedAt]: new Date(record.firstFailedAtMs).toISOString(),
          'original-topic': origin.topic,
          'original-partition': origin.partition,
          'original-offset': origin.offset,
        },
      });
      return { round, dueAtMs };
    },
  };
}

export type Parker = ReturnType<typeof createParker>;

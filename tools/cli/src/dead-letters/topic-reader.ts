import { randomUUID } from 'node:crypto';
import { toReceived, type KafkaClient, type ReceivedMessage } from '@teamseat/kafka';

/** Where to start reading each partition (its offset), and where to stop (its end when reading began). */
export interface PartitionRange {
  topic: string;
  partition: number;
  from: string;
  /** Exclusive: the partition's high watermark when the read started. */
  to: string;
}

/**
 * The partitions of `topic` and the range to read: from the earliest offset, or from the first record
 * written at or after `sinceMs` (the broker's time index), up to each partition's end now.
 */
export async function rangesOf(
  kafka: KafkaClient,
  topic: string,
  { sinceMs, partition, offset }: { sinceMs?: number; partition?: number; offset?: string } = {},
): Promise<PartitionRange[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const starts =
      sinceMs === undefined ? undefined : await admin.fetchTopicOffsetsByTimestamp(topic, sinceMs);
    return ends
      .filter((end) => partition === undefined || end.partition === partition)
      .map((end) => {
        const fromTime = starts?.find((s) => s.partition === end.partition)?.offset;
        const from = offset ?? (fromTime !== undefined && fromTime !== '-1' ? fromTime : end.low);
        return { topic, partition: end.partition, from, to: end.high };
      })
      .filter((range) => BigInt(range.from) < BigInt(range.to));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads the ranges once, all topics with one consumer group of its own that commits nothing and is deleted
 * afterwards, so reading dead-letter topics moves no service's offsets. `visit` returns false to stop early.
 */
export async function readRanges(
  kafka: KafkaClient,
  ranges: PartitionRange[],
  visit: (message: ReceivedMessage) => boolean | void,
  { timeoutMs }: { timeoutMs: number },
): Promise<void> {
  if (ranges.length === 0) return;
  const groupId = `teamseat-cli-${randomUUID()}`;
  // A short fetch wait: disconnecting waits for the fetch in flight, which idles 5 s by default at a partition's end.
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, retry: { retries: 2 } });
  const keyOf = (topic: string, partition: number) => `${topic}:${partition}`;
  const open = new Map(ranges.map((range) => [keyOf(range.topic, range.partition), range]));
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let failure: Error | undefined;
  const timer = setTimeout(() => {
    failure = new Error(
      `reading dead letters took longer than ${timeoutMs} ms (partitions left: ${[...open.keys()].join(', ')}); raise --timeout`,
    );
    finish();
  }, timeoutMs);
  try {
    await consumer.connect();
    await consumer.subscribe({
      topics: [...new Set(ranges.map((range) => range.topic))],
      fromBeginning: true,
    });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const key = keyOf(topic, partition);
        const range = open.get(key);
        const offset = BigInt(message.offset);
        if (!range || offset < BigInt(range.from)) return;
        if (offset < BigInt(range.to) && visit(toReceived(topic, partition, message)) === false) open.clear();
        if (offset + 1n >= BigInt(range.to)) open.delete(key);
        if (open.size === 0) finish();
      },
    });
    for (const { topic, partition, from } of ranges) consumer.seek({ topic, partition, offset: from });
    await finished;
    if (failure) throw failure;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
    const admin = kafka.admin();
    await admin
      .connect()
      .then(() => admin.deleteGroups([groupId]))
      .catch(() => undefined)
      .finally(() => admin.disconnect().catch(() => undefined));
  }
}

/** The dead-letter topics on the cluster: every `<topic>.dlq`. */
export async function deadLetterTopics(kafka: KafkaClient): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).filter((topic) => topic.endsWith('.dlq')).sort();
  } finally {
    await admin.disconnect();
  }
}

// Test-only Kafka helpers. They use kafkajs directly: tests check what really is on the broker,
// independently of @teamseat/kafka, whose behaviour is under test.
import { Kafka, logLevel, type Admin, type Consumer, type IHeaders } from 'kafkajs';
import { randomName } from './names';
import { waitFor } from './wait-for';

export interface TestTopicOptions {
  partitions?: number;
  /** Defaults to a random name starting with `prefix` (default "test"). */
  name?: string;
  prefix?: string;
}

function testKafka(brokers: string[]): Kafka {
  return new Kafka({ clientId: randomName('teamseat-test'), brokers, logLevel: logLevel.NOTHING });
}

/** Creates a topic and waits until every partition has a leader; returns its name. */
export async function createTestTopic(
  target: Admin | string[],
  { partitions = 3, name, prefix = 'test' }: TestTopicOptions = {},
): Promise<string> {
  const topic = name ?? randomName(prefix);
  const admin = Array.isArray(target) ? testKafka(target).admin() : target;
  if (Array.isArray(target)) await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions: partitions }] });
    // Not kafkajs' waitForLeaders: it gives up at the UNKNOWN_TOPIC_OR_PARTITION a broker answers about new
    // topics for a moment after it started, while it still opens its old partitions.
    await waitFor(
      async () => {
        const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
        return metadata?.partitions.length === partitions && metadata.partitions.every((p) => p.leader >= 0);
      },
      { timeoutMs: 30_000, description: `leaders for every partition of ${topic}` },
    );
  } finally {
    if (Array.isArray(target)) await admin.disconnect();
  }
  return topic;
}

/**
 * How many messages a topic holds now (the sum over its partitions of high watermark minus log start). Our
 * producers are idempotent but not transactional, so no control records are counted: read this many and the
 * reader has everything produced before the call, whatever the machine's load.
 */
export async function messagesOnTopic(brokers: string[], topic: string): Promise<number> {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface ConsumeOptions {
  /** Stop as soon as this many messages arrived (fails at `timeoutMs` if fewer did). */
  count?: number;
  /** Without `count`: stop once no message arrived for this long after joining the group. */
  quietMs?: number;
  timeoutMs?: number;
  groupId?: string;
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) result[name] = Array.isArray(value) ? value.join(',') : value.toString();
  }
  return result;
}

/**
 * Subscribes once the broker hosts the topic: a topic a service has just created can be unknown to the broker
 * for a moment (more so on a loaded machine), which kafkajs reports as UNKNOWN_TOPIC_OR_PARTITION ("This
 * server does not host this topic-partition") instead of waiting.
 */
async function subscribeWhenHosted(consumer: Consumer, topic: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      return;
    } catch (error) {
      const unknown = (error as { type?: string }).type === 'UNKNOWN_TOPIC_OR_PARTITION';
      if (!unknown || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Reads a topic from the beginning with a fresh consumer group until `count` messages or a quiet period. */
export async function consumeMessages(
  brokers: string[],
  topic: string,
  { count, quietMs = 1500, timeoutMs = 30_000, groupId = randomName('test-group') }: ConsumeOptions = {},
): Promise<ConsumedMessage[]> {
  // A short fetch wait: disconnect() waits for the fetch in flight, which idles 5 s by default on a quiet topic.
  const consumer = testKafka(brokers).consumer({ groupId, maxWaitTimeInMs: 100 });
  const messages: ConsumedMessage[] = [];
  let joinedAt: number | undefined;
  let lastMessageAt = 0;
  let crash: Error | undefined;
  consumer.on(consumer.events.GROUP_JOIN, () => (joinedAt = Date.now()));
  consumer.on(consumer.events.CRASH, (event) => (crash = event.payload.error));
  await consumer.connect();
  try {
    await subscribeWhenHosted(consumer, topic, timeoutMs);
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: headersToStrings(message.headers),
        });
        lastMessageAt = Date.now();
      },
    });
    const done = () => {
      if (crash) throw crash;
      if (count !== undefined) return messages.length >= count;
      return joinedAt !== undefined && Date.now() - Math.max(joinedAt, lastMessageAt) >= quietMs;
    };
    await waitFor(done, { timeoutMs, intervalMs: 50 }).catch(() => {
      const wanted = count === undefined ? `${quietMs} ms of quiet` : `${count} messages`;
      throw new Error(
        `consuming ${topic}: got ${messages.length} messages, not ${wanted}, in ${timeoutMs} ms`,
      );
    });
    return messages;
  } finally {
    await consumer.disconnect();
  }
}

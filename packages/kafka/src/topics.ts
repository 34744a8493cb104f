import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin, Kafka } from 'kafkajs';
import type { Logger } from '@teamseat/logger';
import {
  replicationShortfalls,
  requireEnoughBrokers,
  type TopicReplication,
  type TopicShortfall,
} from './topic-replication';

/** What a broker answers about a topic it has created but does not serve yet. */
const NOT_YET = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/** The broker's error code name of a kafkajs error, also when kafkajs wrapped it after its own retries. */
function protocolErrorType(error: unknown): string | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    const { type } = current as Error & { type?: unknown };
    if (typeof type === 'string') return type;
  }
  return undefined;
}

/**
 * Creates the topics that do not exist yet, with the configured replication factor and min.insync.replicas,
 * and returns once every partition of them has a leader. Existing topics are left as they are; those
 * replicated less than configured are logged and returned (docs/adr/0023). kafkajs' own wait for leaders
 * gives up at the first UNKNOWN_TOPIC_OR_PARTITION, which is what a broker answers about a new topic for a
 * few seconds after it started while it still opens the partitions it had (tools/local-stack after a
 * restart, any broker after a rolling restart); this waits through that, for up to `leaderTimeoutMs`.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  {
    partitions = 6,
    replication,
    logger,
    leaderTimeoutMs = 30_000,
  }: { partitions?: number; replication: TopicReplication; logger: Logger; leaderTimeoutMs?: number },
): Promise<TopicShortfall[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await requireEnoughBrokers(admin, missing, replication);
      await admin.createTopics({
        waitForLeaders: false, // kafkajs' default is true
        topics: missing.map((topic) => ({
          topic,
          numPartitions: partitions,
          replicationFactor: replication.replicationFactor,
          configEntries: [{ name: 'min.insync.replicas', value: String(replication.minInsyncReplicas) }],
        })),
      });
      await waitForLeaders(admin, missing, leaderTimeoutMs);
    }
    const present = topics.filter((topic) => existing.has(topic));
    if (present.length === 0) return [];
    const shortfalls = await replicationShortfalls(admin, present, replication);
    for (const shortfall of shortfalls) {
      logger.warn(
        shortfall,
        'topic is replicated less than configured; change it with kafka-topics / kafka-configs',
      );
    }
    return shortfalls;
  } finally {
    await admin.disconnect();
  }
}

async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let problem: string;
    try {
      const metadata = await admin.fetchTopicMetadata({ topics });
      const leaderless = metadata.topics.filter(
        ({ partitions }) =>
          partitions.length === 0 ||
          partitions.some(({ leader, partitionErrorCode }) => leader < 0 || partitionErrorCode !== 0),
      );
      if (leaderless.length === 0) return;
      problem = `partitions without a leader in ${leaderless.map(({ name }) => name).join(', ')}`;
    } catch (error) {
      if (!NOT_YET.has(protocolErrorType(error) ?? '')) throw error;
      problem = (error as Error).message;
    }
    if (Date.now() >= deadline) {
      throw new Error(`topics ${topics.join(', ')} still not served after ${timeoutMs} ms: ${problem}`);
    }
    await sleep(100);
  }
}

import { ConfigResourceTypes, type Admin } from 'kafkajs';

/** Replication of the topics a service creates (docs/adr/0023). */
export interface TopicReplication {
  replicationFactor: number;
  minInsyncReplicas: number;
}

/** An existing topic replicated less than configured: reported, never changed (operators own it). */
export interface TopicShortfall {
  topic: string;
  setting: 'replication.factor' | 'min.insync.replicas';
  configured: number;
  actual: number;
}

/** The cluster cannot hold topics as configured: a setting to fix (or brokers to bring back), not a blip. */
export class TopicReplicationError extends Error {
  override readonly name = 'TopicReplicationError';
}

/**
 * Refuses to create topics the live brokers cannot replicate as configured, naming the variables, so a
 * production service never falls back to fewer replicas (Kafka would refuse too, in its own words).
 */
export async function requireEnoughBrokers(
  admin: Admin,
  topics: string[],
  { replicationFactor }: TopicReplication,
): Promise<void> {
  const { brokers } = await admin.describeCluster();
  if (brokers.length >= replicationFactor) return;
  throw new TopicReplicationError(
    `cannot create topics ${topics.join(', ')} with replication factor ${replicationFactor} ` +
      `(TOPIC_REPLICATION_FACTOR): the cluster has ${brokers.length} broker(s) up. NODE_ENV=production ` +
      'defaults to 3 replicas and min.insync.replicas 2; for a single local broker set NODE_ENV=development, ' +
      'or TOPIC_REPLICATION_FACTOR and TOPIC_MIN_INSYNC_REPLICAS explicitly (docs/adr/0023)',
  );
}

/** How the existing `topics` fall short of `replication`: the fewest replicas of any partition, and min ISR. */
export async function replicationShortfalls(
  admin: Admin,
  topics: string[],
  replication: TopicReplication,
): Promise<TopicShortfall[]> {
  const metadata = await admin.fetchTopicMetadata({ topics });
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({
      type: ConfigResourceTypes.TOPIC,
      name,
      configNames: ['min.insync.replicas'],
    })),
  });
  const shortfalls: TopicShortfall[] = [];
  for (const { name: topic, partitions } of metadata.topics) {
    const replicas = Math.min(...partitions.map(({ replicas }) => replicas.length));
    if (replicas < replication.replicationFactor) {
      shortfalls.push({
        topic,
        setting: 'replication.factor',
        configured: replication.replicationFactor,
        actual: replicas,
      });
    }
  }
  for (const { resourceName: topic, configEntries } of resources) {
    const entry = configEntries.find(({ configName }) => configName === 'min.insync.replicas');
    const actual = Number(entry?.configValue);
    if (Number.isInteger(actual) && actual < replication.minInsyncReplicas) {
      shortfalls.push({
        topic,
        setting: 'min.insync.replicas',
        configured: replication.minInsyncReplicas,
        actual,
      });
    }
  }
  return shortfalls;
}

import type { Admin } from 'kafkajs';

/** One consumer group and the topics it reads. */
export interface ConsumedTopics {
  groupId: string;
  topics: string[];
}

/** How far a group is behind on one partition: records written and not yet committed by the group. */
export interface PartitionLag {
  groupId: string;
  topic: string;
  partition: number;
  lag: number;
}

/**
 * The lag of each group on each partition of its topics, from the group's committed offsets and the
 * partitions' high watermarks. A partition the group has never committed counts every record it holds
 * (high - low watermark): a new group that has not caught up yet is behind by that much.
 */
export async function readConsumerLag(admin: Admin, groups: ConsumedTopics[]): Promise<PartitionLag[]> {
  const topics = [...new Set(groups.flatMap((group) => group.topics))];
  const watermarks = new Map(
    await Promise.all(topics.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const)),
  );
  const lags: PartitionLag[] = [];
  for (const { groupId, topics: read } of groups) {
    const committed = await admin.fetchOffsets({ groupId, topics: read });
    for (const { topic, partitions } of committed) {
      for (const { partition, high, low } of watermarks.get(topic) ?? []) {
        const offset = Number(partitions.find((p) => p.partition === partition)?.offset ?? -1);
        const from = offset >= 0 ? offset : Number(low);
        lags.push({ groupId, topic, partition, lag: Math.max(0, Number(high) - from) });
      }
    }
  }
  return lags;
}

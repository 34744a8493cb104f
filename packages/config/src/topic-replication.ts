import { z } from 'zod';

/** Replication of the topics a service creates (docs/adr/0023). */
export interface TopicReplication {
  replicationFactor: number;
  minInsyncReplicas: number;
}

/** Production keeps acknowledged writes through the loss of one broker; a local single broker cannot. */
const DEFAULTS: Record<'local' | 'production', TopicReplication> = {
  local: { replicationFactor: 1, minInsyncReplicas: 1 },
  production: { replicationFactor: 3, minInsyncReplicas: 2 },
};

export const topicReplicationSchema = {
  TOPIC_REPLICATION_FACTOR: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      'replication factor of the topics this service creates; 3, or 1 when NODE_ENV is development/test',
    ),
  TOPIC_MIN_INSYNC_REPLICAS: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      'min.insync.replicas of the topics this service creates; 2, or 1 when NODE_ENV is development/test',
    ),
};

interface ReplicationSettings {
  NODE_ENV: string;
  TOPIC_REPLICATION_FACTOR?: number | undefined;
  TOPIC_MIN_INSYNC_REPLICAS?: number | undefined;
}

/** The settings in force: the variables when set, else the defaults of NODE_ENV. */
export function topicReplication(config: ReplicationSettings): TopicReplication {
  const defaults = config.NODE_ENV === 'production' ? DEFAULTS.production : DEFAULTS.local;
  return {
    replicationFactor: config.TOPIC_REPLICATION_FACTOR ?? defaults.replicationFactor,
    minInsyncReplicas: config.TOPIC_MIN_INSYNC_REPLICAS ?? defaults.minInsyncReplicas,
  };
}

/** For a service schema's superRefine: acks=all writes could never succeed with more in-sync replicas than replicas. */
export function checkTopicReplication(config: ReplicationSettings, ctx: z.RefinementCtx): void {
  const { replicationFactor, minInsyncReplicas } = topicReplication(config);
  if (minInsyncReplicas <= replicationFactor) return;
  const source =
    config.TOPIC_MIN_INSYNC_REPLICAS === undefined ? `, the default for NODE_ENV=${config.NODE_ENV},` : '';
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    path: ['TOPIC_MIN_INSYNC_REPLICAS'],
    message: `${minInsyncReplicas}${source} is more than TOPIC_REPLICATION_FACTOR (${replicationFactor}); set both`,
  });
}

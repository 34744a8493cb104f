export * from './client';
export * from './topics';
export { TopicReplicationError, type TopicReplication, type TopicShortfall } from './topic-replication';
export * from './batching-producer';
export * from './resilient-consumer';

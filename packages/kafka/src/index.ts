export * from './client';
export * from './topics';
export * from './batching-producer';
export * from './resilient-consumer';

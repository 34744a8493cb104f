export * from './client';
export * from './batching-producer';
export * from './resilient-consumer';

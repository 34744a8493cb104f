export * from './config';
export * from './entry-points/http/create-app';
export * from './domain/verify-authorization';
export * from './domain/duplicate-window';
export { createWebhookPublisher } from './adapters/kafka/webhook-publisher';
export * from './application/ports';
export * from './application/publish-webhook';
export * from './adapters/metrics/gateway-metrics';

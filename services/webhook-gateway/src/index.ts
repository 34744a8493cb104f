export * from './config';
export * from './entry-points/http/create-app';
export * from './domain/verify-authorization';
export * from './domain/duplicate-window';
export * from './adapters/kafka/webhook-publisher';
export * from './adapters/metrics/gateway-metrics';

export { startEntitlementService, SERVICE_NAME, type RunningEntitlementService } from './entitlement-service';
export { configSchema, loadEntitlementServiceConfig, type EntitlementServiceConfig } from './config';
export * as domain from './domain';

export { startEmulator, type Emulator } from './emulator';
export { DEFAULTS, SAMPLE_CATALOG, type EmulatorOptions } from './config';
export { buildCatalog, entitlementIdFor, type CatalogInput, type EmulatorCatalog } from './domain/catalog';
export type { VirtualClock } from './domain/clock';
export type { LifetimeStyle } from './domain/subscriber-view';
export type { Customer, WebhookEvent } from './domain/types';
export type { Delivery, DeliveryAttempt, WebhookOptions } from './adapters/webhooks/webhook-dispatcher';
export type { FaultOptions } from './entry-points/http/faults';

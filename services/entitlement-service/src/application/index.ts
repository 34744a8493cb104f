export * from './access-cache';
export * from './customer-sync';
export * from './webhook-handler';
export * from './user-reconciler';
export * from './grant-executor';

import type { createWebhookHandler } from './webhook-handler';
export type WebhookHandler = ReturnType<typeof createWebhookHandler>;

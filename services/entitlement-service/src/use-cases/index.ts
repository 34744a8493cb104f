export * from './access-cache';
export * from './change-publisher';
export * from './customer-sync';
export * from './webhook-handler';
export * from './user-reconciler';
export * from './grant-executor';
export * from './reconcile-requests';
export * from './team-event-handler';

import type { createWebhookHandler } from './webhook-handler';
import type { createTeamEventHandler } from './team-event-handler';
export type WebhookHandler = ReturnType<typeof createWebhookHandler>;
export type TeamEventHandler = ReturnType<typeof createTeamEventHandler>;

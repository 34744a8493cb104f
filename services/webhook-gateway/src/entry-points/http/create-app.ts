import Koa from 'koa';
import type { Logger } from '@teamseat/logger';
import type { GatewayMetrics } from '../../adapters/metrics/gateway-metrics';
import type { WebhookPublisher } from '../../application/ports';
import { createPublishWebhook } from '../../application/publish-webhook';
import type { DuplicateWindow } from '../../domain/duplicate-window';
import type { VerifyAuthorization } from '../../domain/verify-authorization';
import { createErrorFunnel } from './error-funnel';
import type { GatewayState } from './gateway-context';
import { createReceiveWebhook } from './receive-webhook';
import { createRequestContext } from './request-context';
import { createReadJsonBody, createRequireAuthorization } from './webhook-steps';
import { createWebhookRoute } from './webhook-route';

export const WEBHOOK_PATH = '/webhooks/revenuecat';

export interface AppDeps {
  logger: Logger;
  metrics: GatewayMetrics;
  verifyAuthorization: VerifyAuthorization;
  publisher: WebhookPublisher;
  duplicates: DuplicateWindow;
  bodyLimitBytes: number;
  /** Sent with every 503; RevenueCat keeps its own schedule, other callers may honour it. */
  retryAfterSeconds?: number;
  isShuttingDown?: () => boolean;
  clock?: () => Date;
}

/** The public HTTP surface: `POST /webhooks/revenuecat` and nothing else. */
export function createApp({
  logger,
  metrics,
  verifyAuthorization,
  publisher,
  duplicates,
  bodyLimitBytes,
  retryAfterSeconds = 10,
  isShuttingDown = () => false,
  clock = () => new Date(),
}: AppDeps): Koa<GatewayState> {
  const app = new Koa<GatewayState>();
  app.proxy = false;
  // Every error is answered by the funnel; this only sees failures while writing the response.
  app.silent = true;
  app.on('error', (error: unknown) => logger.warn({ err: error }, 'response failed'));

  app.use(createRequestContext({ metrics, isShuttingDown, clock }));
  app.use(createErrorFunnel({ logger, retryAfterSeconds }));
  app.use(
    createWebhookRoute({
      path: WEBHOOK_PATH,
      requireAuthorization: createRequireAuthorization({ verifyAuthorization, metrics }),
      readJsonBody: createReadJsonBody({ limitBytes: bodyLimitBytes }),
      receiveWebhook: createReceiveWebhook({
        logger,
        publishWebhook: createPublishWebhook({ publisher, duplicates, metrics }),
      }),
    }),
  );
  return app;
}

import { Writable } from 'node:stream';
import supertest from 'supertest';
import { createLogger } from '@teamseat/logger';
import { createMetricsRegistry, type Registry } from '@teamseat/metrics';
import { createDuplicateWindow } from '../../src/domain/duplicate-window';
import { createAuthorizationVerifier } from '../../src/domain/verify-authorization';
import { createApp } from '../../src/entry-points/http/create-app';
import { createGatewayMetrics } from '../../src/adapters/metrics/gateway-metrics';
import type { ReceivedWebhook, WebhookPublisher } from '../../src/application/ports';
import { VALID_AUTHORIZATION } from './webhook-fixtures';

export interface AppHarness {
  request: ReturnType<typeof supertest>;
  published: ReceivedWebhook[];
  logs: () => string;
  registry: Registry;
}

/**
 * The Koa app driven through `app.callback()` without a port. The publisher here is an in-memory stand-in
 * for the unit tier; the integration tests run the same app against real Kafka.
 */
export function buildApp({
  accepted = [VALID_AUTHORIZATION],
  bodyLimitBytes = 256 * 1024,
  publish,
}: {
  accepted?: string[];
  bodyLimitBytes?: number;
  publish?: (webhook: ReceivedWebhook) => Promise<void>;
} = {}): AppHarness {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ service: 'webhook-gateway-test', level: 'debug', destination });
  const registry = createMetricsRegistry('webhook-gateway-test');
  const published: ReceivedWebhook[] = [];
  const publisher: WebhookPublisher = {
    async publish(webhook) {
      await publish?.(webhook);
      published.push(webhook);
    },
  };
  const app = createApp({
    logger,
    metrics: createGatewayMetrics(registry),
    verifyAuthorization: createAuthorizationVerifier({ accepted }),
    publisher,
    duplicates: createDuplicateWindow({ capacity: 100, maxBytes: 64 * 1024 }),
    bodyLimitBytes,
  });
  return { request: supertest(app.callback()), published, logs: () => lines.join(''), registry };
}

export async function metricValue(registry: Registry, name: string, labels: Record<string, string> = {}) {
  const metric = await registry.getSingleMetric(name)?.get();
  const match = metric?.values.find((value) =>
    Object.entries(labels).every(([key, expected]) => String(value.labels[key]) === expected),
  );
  return match?.value ?? 0;
}

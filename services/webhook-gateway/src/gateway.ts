import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReadiness, startAdminServer, type ShutdownStep } from '@teamseat/health';
import {
  createBatchingProducer,
  createKafka,
  ensureTopics,
  kafkaReachable,
  kafkaSecurityHint,
  TopicReplicationError,
} from '@teamseat/kafka';
import type { Logger } from '@teamseat/logger';
import { kafkaSecurity, topicReplication } from '@teamseat/config';
import { createMetricsRegistry, recordTopicShortfalls, type Registry } from '@teamseat/metrics';
import type { GatewayConfig } from './config';
import { createDuplicateWindow } from './domain/duplicate-window';
import { createAuthorizationVerifier } from './domain/verify-authorization';
import { createApp } from './entry-points/http/create-app';
import { createGatewayMetrics } from './adapters/metrics/gateway-metrics';
import { createWebhookPublisher } from './adapters/kafka/webhook-publisher';

export interface RunningGateway {
  readonly port: number;
  readonly adminPort: number;
  readonly registry: Registry;
  /** The graceful shutdown, in order (STYLE §7): not ready, stop intake, drain, flush, close. */
  readonly shutdownSteps: ShutdownStep[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wires the gateway from its configuration and starts both ports; Kafka is connected in the background. */
export async function startGateway({
  config,
  logger,
}: {
  config: GatewayConfig;
  logger: Logger;
}): Promise<RunningGateway> {
  const registry = createMetricsRegistry('webhook-gateway');
  const metrics = createGatewayMetrics(registry);
  const readiness = createReadiness();
  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID,
    security: kafkaSecurity(config),
    logger,
  });
  const producer = createBatchingProducer({
    kafka,
    logger,
    lingerMs: config.KAFKA_LINGER_MS,
    maxBatchMessages: config.KAFKA_MAX_BATCH_MESSAGES,
    onBatch: (size) => metrics.batchSize.observe(size),
  });

  const app = createApp({
    logger: logger.child({ module: 'http' }),
    metrics,
    verifyAuthorization: createAuthorizationVerifier({ accepted: config.authorization.accepted }),
    publisher: createWebhookPublisher({
      producer,
      topic: config.WEBHOOK_TOPIC,
      deadlineMs: config.WEBHOOK_PUBLISH_DEADLINE_MS,
      metrics,
    }),
    duplicates: createDuplicateWindow({
      capacity: config.DUPLICATE_WINDOW_SIZE,
      maxBytes: config.DUPLICATE_WINDOW_MAX_BYTES,
    }),
    bodyLimitBytes: config.WEBHOOK_BODY_LIMIT_BYTES,
    retryAfterSeconds: config.WEBHOOK_RETRY_AFTER_SECONDS,
    isShuttingDown: () => readiness.shuttingDown,
  });

  const server = http.createServer(app.callback());
  // Bounds slow uploads; the publish wait happens after the request is received and is bounded separately.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const admin = await startAdminServer({ port: config.ADMIN_PORT, host: config.HOST, readiness, registry });

  // Kafka may come up after the gateway (or be down for a while): keep trying, and stay not-ready meanwhile.
  let connected = false;
  let stopping = false;
  let wake = () => {};
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const connecting = (async () => {
    for (let attempt = 1; !stopping; attempt += 1) {
      try {
        const shortfalls = await ensureTopics(kafka, [config.WEBHOOK_TOPIC], {
          partitions: config.WEBHOOK_TOPIC_PARTITIONS,
          replication: topicReplication(config),
          logger,
        });
        recordTopicShortfalls(registry, shortfalls);
        await producer.connect();
        connected = true;
        logger.info({ topic: config.WEBHOOK_TOPIC }, 'connected to Kafka');
        return;
      } catch (error) {
        if (error instanceof TopicReplicationError) {
          // Stays not-ready and keeps trying: during a rolling restart of the brokers this heals by itself.
          logger.error({ err: error, attempt }, 'cannot create the webhook topic as configured; retrying');
        } else if (kafkaSecurityHint(error)) {
          logger.error({ err: error, attempt }, `${kafkaSecurityHint(error)}; retrying`);
        } else {
          logger.warn({ err: error, attempt }, 'Kafka not reachable yet; retrying');
        }
        await pause(Math.min(10_000, 500 * attempt));
      }
    }
  })();
  readiness.add('kafka', async () => connected && (await kafkaReachable(kafka)));

  const port = (server.address() as AddressInfo).port;
  logger.info({ port, adminPort: admin.port, topic: config.WEBHOOK_TOPIC }, 'webhook gateway listening');

  return {
    port,
    adminPort: admin.port,
    registry,
    shutdownSteps: [
      { name: 'not ready', run: () => readiness.markShuttingDown() },
      { name: 'let load balancers notice', run: () => sleep(config.SHUTDOWN_DELAY_MS) },
      {
        name: 'stop intake and finish in-flight requests',
        run: () =>
          new Promise<void>((resolve, reject) => {
            server.close((error) => (error ? reject(error) : resolve()));
            server.closeIdleConnections();
          }),
      },
      {
        name: 'flush and disconnect the producer',
        run: async () => {
          stopping = true;
          wake();
          await connecting;
          await producer.disconnect();
        },
      },
      { name: 'close the admin port', run: () => admin.close() },
    ],
  };
}

import path from 'node:path';
import { createClient, type EntitlementServiceClient as Client } from '@teamseat/grpc';
import { createBatchingProducer, createKafka, type BatchingProducer } from '@teamseat/kafka';
import { createLogger, type Logger } from '@teamseat/logger';
import { startEmulator, type Emulator, type EmulatorOptions } from '@teamseat/revenuecat-emulator';
import { getInfrastructure, randomDatabaseUri, randomName } from '@teamseat/testing';
import { configSchema, type EntitlementServiceConfig } from '../../src/config';
import { startEntitlementService, type RunningEntitlementService } from '../../src/entitlement-service';
import { startCountingProxy, type CountingProxy } from './counting-proxy';
import { EntitlementServiceClient } from './protos';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const CATALOG_FILE = path.join(REPO_ROOT, 'config/catalog.sample.yaml');
export const TOKEN = 'test-internal-token';
export const RC_KEY = 'sk_test_emulator';

export interface Topics {
  webhooks: string;
  /** team-service's team events (only team-service, in end-to-end tests, writes them). */
  teamEvents: string;
  memberGrants: string;
  changes: string;
}

export function randomTopics(): Topics {
  return {
    webhooks: randomName('rc-webhooks'),
    teamEvents: randomName('team-events'),
    memberGrants: randomName('member-grants'),
    changes: randomName('ent-changes'),
  };
}

export const testLogger = (): Logger =>
  createLogger({ service: 'entitlement-service-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** A configuration for one test: random topics, group and database; fast retries and breaker. */
export async function testConfig(
  emulatorUrl: string,
  topics: Topics,
  env: Record<string, string | undefined> = {},
): Promise<EntitlementServiceConfig> {
  const infra = await getInfrastructure();
  return configSchema.parse({
    HOST: '127.0.0.1',
    PORT: '0',
    ADMIN_PORT: '0',
    MONGODB_URI: randomDatabaseUri(infra.mongoUri, 'ents'),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    CONSUMER_GROUP_ID: randomName('ents-group'),
    WEBHOOK_TOPIC: topics.webhooks,
    MEMBER_GRANTS_TOPIC: topics.memberGrants,
    ENTITLEMENT_CHANGES_TOPIC: topics.changes,
    TOPIC_PARTITIONS: '3',
    MEMBER_GRANTS_PARTITIONS: '6',
    REVENUECAT_API_URL: emulatorUrl,
    REVENUECAT_API_KEY: RC_KEY,
    REVENUECAT_RATE_PER_SECOND: '200',
    REVENUECAT_RETRY_BASE_MS: '20',
    REVENUECAT_TIMEOUT_MS: '2000',
    BREAKER_RESET_MS: '500',
    CONSUMER_BACKOFF_INITIAL_MS: '100',
    CONSUMER_BACKOFF_MAX_MS: '1000',
    TEAM_SERVICE_ADDR: '127.0.0.1:1',
    TEAM_SERVICE_TOKEN: TOKEN,
    INTERNAL_AUTH_TOKENS: TOKEN,
    CATALOG_FILE,
    SWEEP_INTERVAL_MS: '0',
    ...env,
  });
}

export interface Harness {
  emulator: Emulator;
  topics: Topics;
  config: EntitlementServiceConfig;
  service: RunningEntitlementService;
  client: Client;
  producer: BatchingProducer;
  /** The RevenueCat calls the service made, when started with `countCalls`. */
  revenueCatCalls: CountingProxy | undefined;
  /** Publishes webhook bodies to the webhook topic the way the gateway does (or all to one partition). */
  deliver(events: unknown[], options?: { partition?: number }): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness({
  emulator: emulatorOptions = {},
  env = {},
  countCalls = false,
}: {
  emulator?: EmulatorOptions;
  env?: Record<string, string | undefined>;
  /** Puts a counting proxy between the service and the emulator. */
  countCalls?: boolean;
} = {}): Promise<Harness> {
  const emulator = await startEmulator({ catalogFile: CATALOG_FILE, apiKeys: [RC_KEY], ...emulatorOptions });
  const revenueCatCalls = countCalls ? await startCountingProxy(emulator.url) : undefined;
  const topics = randomTopics();
  const config = await testConfig(revenueCatCalls?.url ?? emulator.url, topics, env);
  const logger = testLogger();
  const service = await startEntitlementService({ config, logger });
  const client = createClient(EntitlementServiceClient as never, {
    address: `127.0.0.1:${service.port}`,
    token: TOKEN,
  }) as Client;
  const producer = createBatchingProducer({
    kafka: createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'harness', logger }),
    logger,
  });
  await producer.connect();
  return {
    emulator,
    topics,
    config,
    service,
    client,
    producer,
    revenueCatCalls,
    async deliver(events, { partition } = {}) {
      for (const event of events) {
        const e = event as { id: string; type: string; app_user_id?: string; transferred_to?: string[] };
        const key = e.app_user_id ?? e.transferred_to?.[0] ?? e.id;
        await producer.send(topics.webhooks, {
          key,
          ...(partition === undefined ? {} : { partition }),
          value: JSON.stringify({ api_version: '1.0', event }),
          headers: { 'rc-event-id': e.id, 'rc-event-type': e.type, 'received-at': new Date().toISOString() },
        });
      }
    },
    async stop() {
      client.close();
      await producer.disconnect();
      await service.stop();
      await revenueCatCalls?.stop();
      await emulator.stop();
    },
  };
}

/** Promisifies a unary call of the generated client. */
export function call<Res>(client: Client, method: string, request: object): Promise<Res> {
  return new Promise((resolve, reject) => {
    (
      client as unknown as Record<
        string,
        (req: object, cb: (error: Error | null, response: Res) => void) => void
      >
    )[method]!.call(client, request, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

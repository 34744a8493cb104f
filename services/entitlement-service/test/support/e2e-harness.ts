import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createClient,
  type EntitlementServiceClient as EntClient,
  type TeamServiceClient as TeamClient,
} from '@teamseat/grpc';
import { startEmulator, type Emulator, type EmulatorOptions } from '@teamseat/revenuecat-emulator';
import {
  configSchema as teamConfigSchema,
  startTeamService,
  type RunningTeamService,
} from '@teamseat/team-service';
import { loadGatewayConfig } from '@teamseat/webhook-gateway';
import { startGateway, type RunningGateway } from '@teamseat/webhook-gateway/dist/gateway';
import { getInfrastructure, randomDatabaseUri, randomName, waitFor } from '@teamseat/testing';
import type { EntitlementServiceConfig } from '../../src/config';
import { startEntitlementService, type RunningEntitlementService } from '../../src/entitlement-service';
import { EntitlementServiceClient, TeamServiceClient } from './protos';
import { RC_KEY, TOKEN, randomTopics, testConfig, testLogger, type Topics } from './service-harness';

export const APP_TOKEN = 'test-app-token';
export const WEBHOOK_AUTHORIZATION = 'Bearer e2e-webhook-secret';
export const START_MS = Date.UTC(2034, 0, 1);
export const DAY = 86_400_000;

/** Two tiers of one team line (shrink: remove-last-joined) and a personal product. */
export const E2E_CATALOG = {
  products: [
    {
      productId: 'team_small_monthly',
      managementEntitlement: 'team_admin',
      memberEntitlements: ['pro'],
      seats: 2,
      grantMode: 'period',
      shrinkPolicy: 'remove-last-joined',
      periodDays: 30,
    },
    {
      productId: 'team_large_monthly',
      managementEntitlement: 'team_admin',
      memberEntitlements: ['pro'],
      seats: 3,
      grantMode: 'period',
      shrinkPolicy: 'remove-last-joined',
      periodDays: 30,
    },
    {
      productId: 'team_xl_monthly',
      managementEntitlement: 'team_admin',
      memberEntitlements: ['pro'],
      seats: 20,
      grantMode: 'period',
      shrinkPolicy: 'block',
      periodDays: 30,
    },
  ],
  storeProducts: [{ productId: 'pro_monthly', entitlements: ['pro'], type: 'subscription', periodDays: 30 }],
};

export function writeCatalog(catalog: object = E2E_CATALOG): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ents-e2e-')), 'catalog.json');
  writeFileSync(file, JSON.stringify(catalog));
  return file;
}

export interface E2eStack {
  emulator: Emulator;
  gateway: RunningGateway | undefined;
  teamService: RunningTeamService;
  service: RunningEntitlementService;
  config: EntitlementServiceConfig;
  topics: Topics;
  ent: EntClient;
  /** team-service with an app backend token (acts for end users). */
  teams: TeamClient;
  stop(): Promise<void>;
}

/**
 * The whole system on this machine: the emulator (virtual clock), the webhook gateway (unless `gateway:
 * false`, then tests deliver webhooks to Kafka themselves), team-service and entitlement-service, in this
 * process, on port 0, with random topics, groups and databases.
 */
export async function startStack({
  emulator: emulatorOptions = {},
  env = {},
  gateway: withGateway = true,
  catalogFile = writeCatalog(),
}: {
  emulator?: EmulatorOptions;
  env?: Record<string, string>;
  gateway?: boolean;
  catalogFile?: string;
} = {}): Promise<E2eStack> {
  const infra = await getInfrastructure();
  const logger = testLogger();
  const emulator = await startEmulator({
    catalogFile,
    apiKeys: [RC_KEY],
    clock: { startMs: START_MS },
    // Renewals and expiries happen when a test moves the clock, not by themselves on the wall clock.
    sweepIntervalMs: 0,
    ...emulatorOptions,
    webhooks: { authorization: WEBHOOK_AUTHORIZATION, retryScale: 0.0001, ...emulatorOptions.webhooks },
  });
  const topics = randomTopics();

  const teamService = await startTeamService({
    config: teamConfigSchema.parse({
      HOST: '127.0.0.1',
      PORT: '0',
      ADMIN_PORT: '0',
      MONGODB_URI: randomDatabaseUri(infra.mongoUri, 'e2e_teams'),
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      TEAM_EVENTS_TOPIC: topics.teamEvents,
      MEMBER_GRANTS_TOPIC: topics.memberGrants,
      MEMBER_GRANTS_PARTITIONS: '6',
      TOPIC_PARTITIONS: '3',
      INTERNAL_AUTH_TOKENS: TOKEN,
      APP_AUTH_TOKENS: APP_TOKEN,
      CATALOG_FILE: catalogFile,
      DEADLINE_SWEEP_INTERVAL_MS: '0',
      OUTBOX_POLL_INTERVAL_MS: '500',
      GRPC_SHUTDOWN_GRACE_MS: '500',
    }),
    logger,
  });

  let gateway: RunningGateway | undefined;
  if (withGateway) {
    gateway = await startGateway({
      config: loadGatewayConfig({
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        ADMIN_PORT: '0',
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        KAFKA_CLIENT_ID: randomName('e2e-gateway'),
        WEBHOOK_TOPIC: topics.webhooks,
        WEBHOOK_TOPIC_PARTITIONS: '3',
        WEBHOOK_AUTHORIZATION,
      }),
      logger,
    });
    emulator.webhooks.configure({ urls: [`http://127.0.0.1:${gateway.port}/webhooks/revenuecat`] });
  }

  const config = await testConfig(emulator.url, topics, {
    TEAM_SERVICE_ADDR: `127.0.0.1:${teamService.port}`,
    CATALOG_FILE: catalogFile,
    ...env,
  });
  const service = await startEntitlementService({ config, logger });
  const ent = createClient(EntitlementServiceClient as never, {
    address: `127.0.0.1:${service.port}`,
    token: TOKEN,
  }) as EntClient;
  const teams = createClient(TeamServiceClient as never, {
    address: `127.0.0.1:${teamService.port}`,
    token: APP_TOKEN,
  }) as TeamClient;

  if (gateway) {
    // The gateway connects to Kafka in the background: wait until it takes webhooks.
    await waitFor(async () => (await fetch(`http://127.0.0.1:${gateway!.adminPort}/readyz`)).ok, {
      timeoutMs: 30_000,
    });
  }
  return {
    emulator,
    gateway,
    teamService,
    service,
    config,
    topics,
    ent,
    teams,
    async stop() {
      ent.close();
      teams.close();
      await service.stop();
      if (gateway) for (const step of gateway.shutdownSteps) await step.run();
      await teamService.stop();
      await emulator.stop();
    },
  };
}

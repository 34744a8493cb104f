import path from 'node:path';
import {
  configSchema as entitlementConfigSchema,
  startEntitlementService,
} from '@teamseat/entitlement-service';
import { createLogger } from '@teamseat/logger';
import { startEmulator, type Emulator } from '@teamseat/revenuecat-emulator';
import { configSchema as teamConfigSchema, startTeamService } from '@teamseat/team-service';
import { getInfrastructure, randomDatabaseUri, randomName } from '@teamseat/testing';

export const CATALOG_FILE = path.resolve(__dirname, '../../../../../config/catalog.sample.yaml');
export const TOKEN = 'cli-test-token';
const RC_KEY = 'sk_cli_test';

export interface Services {
  emulator: Emulator;
  /** The environment an operator's shell would have to reach these services. */
  env: Record<string, string>;
  teamServiceAddr: string;
  stop(): Promise<void>;
}

/**
 * The emulator, team-service and entitlement-service in this process, on port 0, with random topics and
 * databases (as npm start runs them, without the gateway: these tests drive changes through gRPC).
 */
export async function startServices({ sweepIntervalMs = 0 } = {}): Promise<Services> {
  const infra = await getInfrastructure();
  const logger = createLogger({ service: 'cli-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const stops: Array<() => Promise<void>> = [];
  const memberGrants = randomName('cli-member-grants');
  const emulator = await startEmulator({ catalogFile: CATALOG_FILE, apiKeys: [RC_KEY] });
  stops.unshift(() => emulator.stop());
  const team = await startTeamService({
    config: teamConfigSchema.parse({
      HOST: '127.0.0.1',
      PORT: '0',
      ADMIN_PORT: '0',
      MONGODB_URI: randomDatabaseUri(infra.mongoUri, 'cli_teams'),
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      TEAM_EVENTS_TOPIC: randomName('cli-team-events'),
      MEMBER_GRANTS_TOPIC: memberGrants,
      INTERNAL_AUTH_TOKENS: TOKEN,
      CATALOG_FILE,
      OUTBOX_POLL_INTERVAL_MS: '200',
      GRPC_SHUTDOWN_GRACE_MS: '500',
    }),
    logger,
  });
  stops.unshift(() => team.stop());
  const entitlements = await startEntitlementService({
    config: entitlementConfigSchema.parse({
      HOST: '127.0.0.1',
      PORT: '0',
      ADMIN_PORT: '0',
      MONGODB_URI: randomDatabaseUri(infra.mongoUri, 'cli_ents'),
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      CONSUMER_GROUP_ID: randomName('cli-ents'),
      WEBHOOK_TOPIC: randomName('cli-webhooks'),
      MEMBER_GRANTS_TOPIC: memberGrants,
      ENTITLEMENT_CHANGES_TOPIC: randomName('cli-changes'),
      REVENUECAT_API_URL: emulator.url,
      REVENUECAT_API_KEY: RC_KEY,
      TEAM_SERVICE_ADDR: `127.0.0.1:${team.port}`,
      TEAM_SERVICE_TOKEN: TOKEN,
      INTERNAL_AUTH_TOKENS: TOKEN,
      CATALOG_FILE,
      SWEEP_INTERVAL_MS: String(sweepIntervalMs),
    }),
    logger,
  });
  stops.unshift(() => entitlements.stop());
  return {
    emulator,
    teamServiceAddr: `127.0.0.1:${team.port}`,
    env: {
      TEAM_SERVICE_ADDR: `127.0.0.1:${team.port}`,
      ENTITLEMENT_SERVICE_ADDR: `127.0.0.1:${entitlements.port}`,
      TEAMSEAT_TOKEN: TOKEN,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    },
    async stop() {
      for (const stop of stops) await stop();
    },
  };
}

import path from 'node:path';
import { expect } from 'chai';
import {
  configSchema as entitlementConfigSchema,
  startEntitlementService,
} from '@teamseat/entitlement-service';
import { createLogger } from '@teamseat/logger';
import { startEmulator, type Emulator } from '@teamseat/revenuecat-emulator';
import { configSchema as teamConfigSchema, startTeamService } from '@teamseat/team-service';
import { loadGatewayConfig } from '@teamseat/webhook-gateway';
import { startGateway } from '@teamseat/webhook-gateway/dist/gateway';
import { getInfrastructure, randomDatabaseUri, randomName, waitFor } from '@teamseat/testing';
import { runDemo } from '../../src/demo-story';

const CATALOG_FILE = path.resolve(__dirname, '../../../../config/catalog.sample.yaml');
const TOKEN = 'demo-test-token';
const RC_KEY = 'sk_demo_test';
const AUTHORIZATION = 'Bearer demo-test-webhooks';

describe('npm run demo (against the whole system, started here as npm start would)', function () {
  this.timeout(180_000);
  const stops: Array<() => Promise<void>> = [];
  let emulator: Emulator;
  let addresses: { team: string; entitlement: string };

  before(async () => {
    const infra = await getInfrastructure();
    const logger = createLogger({ service: 'demo-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
    const topics = {
      webhooks: randomName('demo-webhooks'),
      teamEvents: randomName('demo-team-events'),
      memberGrants: randomName('demo-member-grants'),
    };
    emulator = await startEmulator({
      catalogFile: CATALOG_FILE,
      apiKeys: [RC_KEY],
      webhooks: { authorization: AUTHORIZATION, retryScale: 0.0001 },
    });
    stops.push(() => emulator.stop());
    const team = await startTeamService({
      config: teamConfigSchema.parse({
        HOST: '127.0.0.1',
        PORT: '0',
        ADMIN_PORT: '0',
        MONGODB_URI: randomDatabaseUri(infra.mongoUri, 'demo_teams'),
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        TEAM_EVENTS_TOPIC: topics.teamEvents,
        MEMBER_GRANTS_TOPIC: topics.memberGrants,
        INTERNAL_AUTH_TOKENS: TOKEN,
        CATALOG_FILE,
        OUTBOX_POLL_INTERVAL_MS: '500',
        GRPC_SHUTDOWN_GRACE_MS: '500',
      }),
      logger,
    });
    stops.unshift(() => team.stop());
    const gateway = await startGateway({
      config: loadGatewayConfig({
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        ADMIN_PORT: '0',
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        WEBHOOK_TOPIC: topics.webhooks,
        WEBHOOK_AUTHORIZATION: AUTHORIZATION,
      }),
      logger,
    });
    stops.unshift(async () => {
      for (const step of gateway.shutdownSteps) await step.run();
    });
    emulator.webhooks.configure({ urls: [`http://127.0.0.1:${gateway.port}/webhooks/revenuecat`] });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${gateway.adminPort}/readyz`)).ok, {
      timeoutMs: 30_000,
    });
    const entitlements = await startEntitlementService({
      config: entitlementConfigSchema.parse({
        HOST: '127.0.0.1',
        PORT: '0',
        ADMIN_PORT: '0',
        MONGODB_URI: randomDatabaseUri(infra.mongoUri, 'demo_ents'),
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        CONSUMER_GROUP_ID: randomName('demo-ents'),
        WEBHOOK_TOPIC: topics.webhooks,
        MEMBER_GRANTS_TOPIC: topics.memberGrants,
        ENTITLEMENT_CHANGES_TOPIC: randomName('demo-changes'),
        REVENUECAT_API_URL: emulator.url,
        REVENUECAT_API_KEY: RC_KEY,
        TEAM_SERVICE_ADDR: `127.0.0.1:${team.port}`,
        TEAM_SERVICE_TOKEN: TOKEN,
        INTERNAL_AUTH_TOKENS: TOKEN,
        CATALOG_FILE,
        SWEEP_INTERVAL_MS: '0',
      }),
      logger,
    });
    stops.unshift(() => entitlements.stop());
    addresses = { team: `127.0.0.1:${team.port}`, entitlement: `127.0.0.1:${entitlements.port}` };
  });

  after(async () => {
    for (const stop of stops) await stop();
  });

  it('when the demo runs, then it tells the whole story, step by step, in well under a minute', async () => {
    const lines: string[] = [];
    const started = Date.now();
    await runDemo({
      emulatorUrl: emulator.url,
      teamServiceAddr: addresses.team,
      entitlementServiceAddr: addresses.entitlement,
      token: TOKEN,
      productId: 'team_pro_monthly',
      print: (line) => lines.push(line),
      pauseMs: 0,
    });
    const text = lines.join('\n');
    if (process.env.SHOW_DEMO) console.log(text);
    expect(Date.now() - started).to.be.below(60_000);
    expect(text).to.match(/0 of 3 seats used/);
    expect(text).to.match(/seats: 2 of 3 used/);
    expect(text).to.match(/alice\s+pro active until .* \(team_grant\)/);
    expect(text).to.match(/4\. the manager removes bob[\s\S]*bob\s+pro inactive/);
    expect(text).to.match(/team expired, seat limit 0[\s\S]*alice\s+pro inactive/);
  });
});

import path from 'node:path';
import { expect } from 'chai';
import { startEmulator, type Emulator } from '@teamseat/revenuecat-emulator';
import {
  getInfrastructure,
  healthStatus,
  randomDatabaseUri,
  randomName,
  startServiceProcess,
  waitFor,
  watchHealth,
  type ServiceProcess,
} from '@teamseat/testing';
import { CATALOG_FILE, RC_KEY, TOKEN, randomTopics } from '../support/service-harness';

const SERVICE_DIR = path.resolve(__dirname, '../..');

describe('the service process (node dist/main.js)', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let service: ServiceProcess | undefined;

  before(async () => {
    emulator = await startEmulator({ catalogFile: CATALOG_FILE, apiKeys: [RC_KEY] });
  });
  after(async () => {
    service?.kill();
    await emulator.stop();
  });

  it('when started, then it reports SERVING and ready; on SIGTERM it goes NOT_SERVING and exits 0', async () => {
    const infra = await getInfrastructure();
    const topics = randomTopics();
    service = await startServiceProcess({
      cwd: SERVICE_DIR,
      readyLogText: 'entitlement-service ready',
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: '0',
        ADMIN_PORT: '0',
        MONGODB_URI: randomDatabaseUri(infra.mongoUri, 'ents-proc'),
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        CONSUMER_GROUP_ID: randomName('ents-proc'),
        WEBHOOK_TOPIC: topics.webhooks,
        MEMBER_GRANTS_TOPIC: topics.memberGrants,
        ENTITLEMENT_CHANGES_TOPIC: topics.changes,
        REVENUECAT_API_URL: emulator.url,
        REVENUECAT_API_KEY: RC_KEY,
        TEAM_SERVICE_ADDR: '127.0.0.1:1',
        TEAM_SERVICE_TOKEN: TOKEN,
        INTERNAL_AUTH_TOKENS: TOKEN,
        CATALOG_FILE,
      },
    });
    const address = `127.0.0.1:${service.port}`;
    await service.explain(
      waitFor(async () => (await healthStatus(address).catch(() => 'DOWN')) === 'SERVING', {
        timeoutMs: 30_000,
        description: 'SERVING',
      }),
    );
    const ready = await fetch(`http://127.0.0.1:${service.adminPort}/readyz`);
    expect(ready.status).to.equal(200);

    const watching = watchHealth(address, (s) => s === 'NOT_SERVING');
    await new Promise((resolve) => setTimeout(resolve, 200));
    service.child.kill('SIGTERM');
    const seen = await watching;
    expect(seen).to.include('NOT_SERVING');
    expect(await service.exited).to.equal(0);
    expect(service.output()).to.contain('shutdown complete');
  });
});

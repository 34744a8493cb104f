import path from 'node:path';
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
import { expect } from 'chai';
import mongoose from 'mongoose';

const SERVICE_DIR = path.resolve(__dirname, '../..');

describe('the team-service process (node dist/main.js)', function () {
  this.timeout(60_000);
  let service: ServiceProcess | undefined;
  let databaseUri: string | undefined;
  after(async () => {
    service?.kill();
    if (databaseUri) {
      const client = await mongoose.mongo.MongoClient.connect(databaseUri);
      await client
        .db()
        .dropDatabase()
        .catch(() => undefined);
      await client.close();
    }
  });

  it('when started, then it reports SERVING and ready; on SIGTERM it goes NOT_SERVING and exits 0', async () => {
    const infra = await getInfrastructure();
    databaseUri = randomDatabaseUri(infra.mongoUri, 'team-proc');
    service = await startServiceProcess({
      cwd: SERVICE_DIR,
      readyLogText: 'team-service started',
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: '0',
        ADMIN_PORT: '0',
        MONGODB_URI: databaseUri,
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        TEAM_EVENTS_TOPIC: randomName('team-events-proc'),
        INTERNAL_AUTH_TOKENS: 'proc-token',
      },
    });
    const address = `127.0.0.1:${service.port}`;
    await service.explain(
      waitFor(async () => (await healthStatus(address).catch(() => 'DOWN')) === 'SERVING', {
        timeoutMs: 20_000,
        description: 'SERVING',
      }),
    );
    expect((await fetch(`http://127.0.0.1:${service.adminPort}/readyz`)).status).to.equal(200);

    const watching = watchHealth(address, (s) => s === 'NOT_SERVING');
    await new Promise((resolve) => setTimeout(resolve, 200));
    service.child.kill('SIGTERM');
    const seen = await watching;
    expect(seen[seen.length - 1], `health updates: ${seen.join(', ')}`).to.equal('NOT_SERVING');
    expect(await service.exited, service.output()).to.equal(0);
    expect(service.output()).to.contain('shutdown complete');
  });
});

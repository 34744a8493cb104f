import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { startEmulator, type Emulator } from '@teamseat/revenuecat-emulator';
import {
  getInfrastructure,
  healthStatus,
  randomDatabaseUri,
  randomName,
  waitFor,
  watchHealth,
} from '@teamseat/testing';
import { CATALOG_FILE, RC_KEY, TOKEN, randomTopics } from '../support/service-harness';

const SERVICE_DIR = path.resolve(__dirname, '../..');

describe('the service process (node dist/main.js)', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let child: ChildProcess | undefined;

  before(async () => {
    emulator = await startEmulator({ catalogFile: CATALOG_FILE, apiKeys: [RC_KEY] });
  });
  after(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await emulator.stop();
  });

  it('when started, then it reports SERVING and ready; on SIGTERM it goes NOT_SERVING and exits 0', async () => {
    const infra = await getInfrastructure();
    const topics = randomTopics();
    const output: string[] = [];
    child = spawn(process.execPath, ['dist/main.js'], {
      cwd: SERVICE_DIR,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: '0',
        ADMIN_PORT: '0',
        MONGODB_URI: randomDatabaseUri(infra.mongoUri, 'ents-proc'),
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        CONSUMER_GROUP_ID: randomName('ents-proc'),
        WEBHOOK_TOPIC: topics.webhooks,
        TEAM_EVENTS_TOPIC: topics.teamEvents,
        ENTITLEMENT_CHANGES_TOPIC: topics.changes,
        RECONCILE_TOPIC: topics.reconcile,
        REVENUECAT_API_URL: emulator.url,
        REVENUECAT_API_KEY: RC_KEY,
        TEAM_SERVICE_ADDR: '127.0.0.1:1',
        TEAM_SERVICE_TOKEN: TOKEN,
        INTERNAL_AUTH_TOKENS: TOKEN,
        CATALOG_FILE,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    // Ports 0: the process says which ports it got in its "ready" log line.
    const readyLine = await waitFor(
      () =>
        output
          .join('')
          .split('\n')
          .find((line) => line.includes('entitlement-service ready')),
      { timeoutMs: 30_000 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.join('')}`);
    });
    const { port: grpcPort, adminPort } = JSON.parse(readyLine) as { port: number; adminPort: number };
    const address = `127.0.0.1:${grpcPort}`;
    await waitFor(async () => (await healthStatus(address).catch(() => 'DOWN')) === 'SERVING', {
      timeoutMs: 30_000,
    }).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.join('')}`);
    });
    const ready = await fetch(`http://127.0.0.1:${adminPort}/readyz`);
    expect(ready.status).to.equal(200);

    const watching = watchHealth(address, (s) => s === 'NOT_SERVING');
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    const seen = await watching;
    expect(seen).to.include('NOT_SERVING');
    expect(await exited).to.equal(0);
    expect(output.join('')).to.contain('shutdown complete');
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  getInfrastructure,
  healthStatus,
  randomDatabaseUri,
  randomName,
  waitFor,
  watchHealth,
} from '@teamseat/testing';
import { expect } from 'chai';
import mongoose from 'mongoose';

const SERVICE_DIR = path.resolve(__dirname, '../..');

describe('the team-service process (node dist/main.js)', function () {
  this.timeout(60_000);
  let child: ChildProcess | undefined;
  let databaseUri: string | undefined;
  after(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
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
        MONGODB_URI: databaseUri,
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        TEAM_EVENTS_TOPIC: randomName('team-events-proc'),
        INTERNAL_AUTH_TOKENS: 'proc-token',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    const explain = (error: Error) => {
      throw new Error(`${error.message}\n${output.join('')}`);
    };

    // Port 0: the process logs the ports it got.
    const startedLine = await waitFor(
      () =>
        output
          .join('')
          .split('\n')
          .find((line) => line.includes('team-service started')),
      { timeoutMs: 30_000, description: 'the started log line' },
    ).catch(explain);
    const { port, adminPort } = JSON.parse(startedLine) as { port: number; adminPort: number };
    const address = `127.0.0.1:${port}`;
    await waitFor(async () => (await healthStatus(address).catch(() => 'DOWN')) === 'SERVING', {
      timeoutMs: 20_000,
      description: 'SERVING',
    }).catch(explain);
    expect((await fetch(`http://127.0.0.1:${adminPort}/readyz`)).status).to.equal(200);

    const watching = watchHealth(address, (s) => s === 'NOT_SERVING');
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    const seen = await watching;
    expect(seen[seen.length - 1], `health updates: ${seen.join(', ')}`).to.equal('NOT_SERVING');
    expect(await exited, output.join('')).to.equal(0);
    expect(output.join('')).to.contain('shutdown complete');
  });
});

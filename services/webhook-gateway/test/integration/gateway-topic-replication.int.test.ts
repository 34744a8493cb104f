import fs from 'node:fs';
import { expect } from 'chai';
import { createKafka } from '@teamseat/kafka';
import { createLogger } from '@teamseat/logger';
import { getInfrastructure, randomName } from '@teamseat/testing';
import { MAIN_JS, spawnGateway, type GatewayProcess } from '../support/gateway-process';
import { metricsText, startTestGateway } from '../support/test-gateway';
import { VALID_AUTHORIZATION } from '../support/webhook-fixtures';

describe('the gateway process and topic replication (docs/adr/0023)', function () {
  this.timeout(120_000);
  let brokers: string[];
  let running: GatewayProcess | undefined;
  before(async function () {
    this.timeout(300_000);
    if (!fs.existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: build first (npx tsc -b)`);
    ({ kafkaBrokers: brokers } = await getInfrastructure());
  });
  afterEach(() => {
    if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
    running = undefined;
  });

  it('when NODE_ENV=production meets a single broker, then it stays not ready, says why naming TOPIC_REPLICATION_FACTOR, and creates no topic', async () => {
    const topic = randomName('gw-production-rf');
    running = spawnGateway({
      NODE_ENV: 'production',
      WEBHOOK_AUTHORIZATION: VALID_AUTHORIZATION,
      HOST: '127.0.0.1',
      PORT: '0',
      ADMIN_PORT: '0',
      KAFKA_BROKERS: brokers.join(','),
      WEBHOOK_TOPIC: topic,
    });
    const listening = await running.logLine((line) => line.msg === 'webhook gateway listening');
    const refused = await running.logLine((line) =>
      JSON.stringify(line).includes('TOPIC_REPLICATION_FACTOR'),
    );
    expect(refused.level).to.equal('error');
    expect((await fetch(`http://127.0.0.1:${String(listening.adminPort)}/readyz`)).status).to.equal(503);

    const logger = createLogger({ service: 'gateway-test', level: 'silent' });
    const admin = createKafka({ brokers, clientId: randomName('rf-check'), logger }).admin();
    await admin.connect();
    try {
      expect(await admin.listTopics()).not.to.include(topic);
    } finally {
      await admin.disconnect();
    }
    running.child.kill('SIGTERM');
    expect(await running.exit).to.equal(0);
  });

  it('when its topic already exists with fewer replicas than configured, then it starts, logs and exports the shortfall', async () => {
    const topic = randomName('gw-short-rf');
    const first = await startTestGateway({ brokers, topic }); // creates it with 1 replica (NODE_ENV=test)
    await first.stop();
    const second = await startTestGateway({
      brokers,
      topic,
      env: { TOPIC_REPLICATION_FACTOR: '3', TOPIC_MIN_INSYNC_REPLICAS: '2' },
    });
    try {
      const metrics = await metricsText(second);
      expect(metrics).to.match(
        new RegExp(
          `^kafka_topic_replication_shortfall\\{[^}]*topic="${topic}",setting="replication.factor"[^}]*\\} 2$`,
          'm',
        ),
      );
      expect(metrics).to.match(
        new RegExp(
          `^kafka_topic_replication_shortfall\\{[^}]*topic="${topic}",setting="min.insync.replicas"[^}]*\\} 1$`,
          'm',
        ),
      );
    } finally {
      await second.stop();
    }
  });
});

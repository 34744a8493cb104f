import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { createKafka } from '@teamseat/kafka';
import { createLogger } from '@teamseat/logger';
import {
  createTestCertificates,
  randomName,
  startThrowawayBroker,
  waitFor,
  type TestCertificates,
  type ThrowawayBroker,
} from '@teamseat/testing';
import { MAIN_JS, spawnGateway, type GatewayProcess } from '../support/gateway-process';
import { fixtureFor, VALID_AUTHORIZATION } from '../support/webhook-fixtures';

const SCRAM_USER = { username: 'gateway', password: 'gateway-scram-secret' };
const logger = createLogger({ service: 'gateway-secure-test', level: 'silent' });

describe('the gateway process talking to Kafka over SASL_SSL (docs/adr/0033)', function () {
  this.timeout(180_000);
  let certificates: TestCertificates;
  let broker: ThrowawayBroker;
  let passwordFile: string;
  let running: GatewayProcess | undefined;

  /** The gateway's environment for the SASL_SSL listener, as an operator would set it; NODE_ENV=production. */
  const secureEnv = (topic: string, overrides: Record<string, string> = {}) => ({
    NODE_ENV: 'production',
    TOPIC_REPLICATION_FACTOR: '1',
    TOPIC_MIN_INSYNC_REPLICAS: '1',
    WEBHOOK_AUTHORIZATION: VALID_AUTHORIZATION,
    HOST: '127.0.0.1',
    PORT: '0',
    ADMIN_PORT: '0',
    KAFKA_BROKERS: broker.saslSslBrokers.join(','),
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: certificates.ca,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: SCRAM_USER.username,
    KAFKA_SASL_PASSWORD_FILE: passwordFile,
    WEBHOOK_TOPIC: topic,
    ...overrides,
  });

  before(async () => {
    if (!fs.existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: build first (npx tsc -b)`);
    certificates = createTestCertificates();
    passwordFile = path.join(certificates.dir, 'kafka-password');
    fs.writeFileSync(passwordFile, `${SCRAM_USER.password}\n`);
    broker = await startThrowawayBroker({ secure: { certificates, scramUsers: [SCRAM_USER] } });
  });
  afterEach(() => {
    if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
    running = undefined;
  });
  after(async () => {
    await broker?.destroy();
    certificates?.remove();
  });

  it('when started with TLS and SCRAM-SHA-512 settings, then it becomes ready and a webhook lands on the topic', async () => {
    const topic = randomName('gw-secure');
    running = spawnGateway(secureEnv(topic));
    const listening = await running.logLine((line) => line.msg === 'webhook gateway listening');
    const admin = `http://127.0.0.1:${String(listening.adminPort)}`;
    await waitFor(async () => (await fetch(`${admin}/readyz`)).status === 200, {
      timeoutMs: 60_000,
      description: 'the gateway to report ready',
    });
    expect((await fetch(`${admin}/livez`)).status).to.equal(200);

    const fixture = fixtureFor('INITIAL_PURCHASE');
    const answer = await fetch(`http://127.0.0.1:${String(listening.port)}/webhooks/revenuecat`, {
      method: 'POST',
      headers: { authorization: VALID_AUTHORIZATION, 'content-type': 'application/json' },
      body: fixture.body,
    });
    expect(answer.status).to.equal(200);

    // Read back over the same listener, as entitlement-service would.
    const kafka = createKafka({
      brokers: broker.saslSslBrokers,
      clientId: randomName('gw-secure-reader'),
      logger,
      security: {
        tls: { ca: fs.readFileSync(certificates.ca) },
        sasl: { mechanism: 'scram-sha-512', ...SCRAM_USER },
      },
    });
    const consumer = kafka.consumer({ groupId: randomName('gw-secure-group') });
    const received: Array<{ key: string; value: string }> = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) =>
          void received.push({ key: String(message.key), value: String(message.value) }),
      });
      await waitFor(() => received.length > 0, {
        timeoutMs: 30_000,
        description: 'the webhook on the topic',
      });
    } finally {
      await consumer.disconnect();
    }
    expect(received).to.deep.equal([{ key: fixture.expectedKey, value: fixture.body }]);

    running.child.kill('SIGTERM');
    expect(await running.exit).to.equal(0);
  });

  it('when the password is wrong, then it stays not ready and logs an error naming the SASL settings', async () => {
    const wrong = path.join(certificates.dir, 'wrong-password');
    fs.writeFileSync(wrong, 'not-the-password');
    running = spawnGateway(secureEnv(randomName('gw-wrong'), { KAFKA_SASL_PASSWORD_FILE: wrong }));
    const listening = await running.logLine((line) => line.msg === 'webhook gateway listening');
    const refused = await running.logLine((line) => JSON.stringify(line).includes('KAFKA_SASL_PASSWORD'));
    expect(refused.level).to.equal('error');
    expect(JSON.stringify(refused)).to.match(/authentication failed/i);
    expect((await fetch(`http://127.0.0.1:${String(listening.adminPort)}/readyz`)).status).to.equal(503);
    expect(JSON.stringify(running.logs)).not.to.include('not-the-password');
  });

  it('when SASL is set without TLS in production, then it refuses to start and names the variable', async () => {
    running = spawnGateway(secureEnv(randomName('gw-plain'), { KAFKA_SSL: 'false', KAFKA_SSL_CA_FILE: '' }));
    expect(await running.exit).to.equal(1);
    expect(JSON.stringify(running.logs)).to.include('KAFKA_SASL_MECHANISM: SASL without TLS is refused');
  });
});

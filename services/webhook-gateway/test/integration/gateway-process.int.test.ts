import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { expect } from 'chai';
import { getInfrastructure, randomName, waitFor } from '@teamseat/testing';
import { DEVELOPMENT_WEBHOOK_AUTHORIZATION } from '../../src/config';
import { MAIN_JS, spawnGateway, type GatewayProcess } from '../support/gateway-process';
import { recordCount } from '../support/test-gateway';
import { fixtureFor, VALID_AUTHORIZATION } from '../support/webhook-fixtures';

const PATH = '/webhooks/revenuecat';

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('the gateway process (node dist/main.js)', function () {
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

  async function startProcess(env: Record<string, string>) {
    running = spawnGateway({
      HOST: '127.0.0.1',
      PORT: '0',
      ADMIN_PORT: '0',
      KAFKA_BROKERS: brokers.join(','),
      ...env,
    });
    const listening = await running.logLine((line) => line.msg === 'webhook gateway listening');
    const url = `http://127.0.0.1:${String(listening.port)}`;
    const adminUrl = `http://127.0.0.1:${String(listening.adminPort)}`;
    await waitFor(async () => (await fetch(`${adminUrl}/readyz`)).status === 200, {
      timeoutMs: 30_000,
      description: 'the process to report ready',
    });
    return { process: running, url, adminUrl };
  }

  const deliver = (url: string, body: string, authorization = VALID_AUTHORIZATION) =>
    fetch(`${url}${PATH}`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body,
    });

  /** A POST whose body is sent in two halves, so the test decides when the request completes. */
  function slowDelivery(url: string, body: string) {
    const bytes = Buffer.from(body);
    const request = http.request(`${url}${PATH}`, {
      method: 'POST',
      headers: {
        authorization: VALID_AUTHORIZATION,
        'content-type': 'application/json',
        'content-length': String(bytes.length),
      },
    });
    const response = new Promise<http.IncomingMessage>((resolve, reject) => {
      request.once('response', resolve);
      request.once('error', reject);
    });
    request.write(bytes.subarray(0, 100));
    return { finish: () => request.end(bytes.subarray(100)), response };
  }

  it('when it starts, then /livez and /readyz answer; on SIGTERM it turns not-ready, finishes the requests in flight and exits 0', async () => {
    const topic = randomName('gw-process');
    const {
      process: gateway,
      url,
      adminUrl,
    } = await startProcess({
      NODE_ENV: 'production',
      // The local stack has one broker (docs/adr/0023).
      TOPIC_REPLICATION_FACTOR: '1',
      TOPIC_MIN_INSYNC_REPLICAS: '1',
      WEBHOOK_AUTHORIZATION: VALID_AUTHORIZATION,
      WEBHOOK_TOPIC: topic,
      // Events wait 100 ms for company before they are produced, so they are in flight when SIGTERM lands.
      KAFKA_LINGER_MS: '100',
      SHUTDOWN_DELAY_MS: '1000',
    });
    expect((await fetch(`${adminUrl}/livez`)).status).to.equal(200);
    expect(await (await fetch(`${adminUrl}/metrics`)).text()).to.contain('webhook_requests_total');

    const slow = slowDelivery(url, fixtureFor('INITIAL_PURCHASE').body);
    const publishing = Array.from({ length: 5 }, () => deliver(url, fixtureFor('RENEWAL').body));
    await new Promise((resolve) => setTimeout(resolve, 20));
    gateway.child.kill('SIGTERM');
    await gateway.logLine((line) => line.step === 'not ready');
    const readyz = await fetch(`${adminUrl}/readyz`);
    expect(readyz.status).to.equal(503);
    expect(await readyz.json()).to.include({ shuttingDown: true });
    const responses = await Promise.all(publishing);
    expect(responses.map((response) => response.status)).to.deep.equal([200, 200, 200, 200, 200]);

    // The port is closed now, but the request that was half-sent still completes and is published.
    await gateway.logLine((line) => line.step === 'let load balancers notice');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await fetch(`${url}${PATH}`, { method: 'POST' }).then(
      () => 'answered',
      () => 'refused',
    );
    expect(refused).to.equal('refused');
    slow.finish();
    const slowResponse = await slow.response;
    expect(slowResponse.statusCode).to.equal(200);
    expect(slowResponse.headers.connection).to.equal('close');
    slowResponse.resume();

    expect(await gateway.exit).to.equal(0);
    expect(gateway.logs.some((line) => line.msg === 'shutdown complete')).to.equal(true);
    expect(await recordCount(brokers, topic)).to.equal(6);
    expect(JSON.stringify(gateway.logs)).not.to.contain(VALID_AUTHORIZATION);
  });

  it('when Kafka cannot be reached at start-up, then it is live but not ready, answers 503, and still stops promptly', async () => {
    running = spawnGateway({
      NODE_ENV: 'production',
      WEBHOOK_AUTHORIZATION: VALID_AUTHORIZATION,
      HOST: '127.0.0.1',
      PORT: '0',
      ADMIN_PORT: '0',
      // Nothing listens there: the port was just taken from a server that closed again.
      KAFKA_BROKERS: `127.0.0.1:${await closedPort()}`,
      WEBHOOK_PUBLISH_DEADLINE_MS: '1000',
    });
    const listening = await running.logLine((line) => line.msg === 'webhook gateway listening');
    const adminUrl = `http://127.0.0.1:${String(listening.adminPort)}`;
    expect((await fetch(`${adminUrl}/livez`)).status).to.equal(200);
    expect((await fetch(`${adminUrl}/readyz`)).status).to.equal(503);
    const response = await deliver(`http://127.0.0.1:${String(listening.port)}`, fixtureFor('TEST').body);
    expect(response.status).to.equal(503);
    expect(response.headers.get('retry-after')).to.equal('10');
    const stopping = Date.now();
    running.child.kill('SIGTERM');
    expect(await running.exit).to.equal(0);
    expect(Date.now() - stopping).to.be.below(8_000);
  });

  it('when NODE_ENV is not development and WEBHOOK_AUTHORIZATION is unset, then start-up fails naming it', async () => {
    running = spawnGateway({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      ADMIN_PORT: '0',
      PORT_TYPO: 'x',
    });
    expect(await running.exit).to.equal(1);
    const fatal = running.logs.find((line) => line.level === 'fatal');
    expect(JSON.stringify(fatal)).to.contain('WEBHOOK_AUTHORIZATION');
  });

  it('when it runs in development without WEBHOOK_AUTHORIZATION, then it warns and accepts the development default only', async () => {
    const topic = randomName('gw-dev-default');
    const { process: gateway, url } = await startProcess({ WEBHOOK_TOPIC: topic });
    const warning = await gateway.logLine(
      (line) => line.level === 'warn' && String(line.msg).includes('WEBHOOK_AUTHORIZATION'),
    );
    expect(warning.value).to.equal(DEVELOPMENT_WEBHOOK_AUTHORIZATION);
    expect((await deliver(url, fixtureFor('TEST').body, DEVELOPMENT_WEBHOOK_AUTHORIZATION)).status).to.equal(
      200,
    );
    expect((await deliver(url, fixtureFor('TEST').body)).status).to.equal(401);
    gateway.child.kill('SIGINT');
    expect(await gateway.exit).to.equal(0);
  });
});

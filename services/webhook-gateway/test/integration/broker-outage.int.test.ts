import { expect } from 'chai';
import {
  consumeMessages,
  randomName,
  startThrowawayBroker,
  waitFor,
  type ThrowawayBroker,
} from '@teamseat/testing';
import { startTestGateway, type TestGateway } from '../support/test-gateway';
import { fixtureFor, VALID_AUTHORIZATION, type Fixture } from '../support/webhook-fixtures';

const PATH = '/webhooks/revenuecat';
const DEADLINE_MS = 3_000;

describe('webhook gateway when its broker goes away (a throwaway broker, never the shared one)', function () {
  this.timeout(240_000);
  let broker: ThrowawayBroker;
  let gateway: TestGateway;
  let topic: string;
  const acknowledged: Fixture[] = [];

  before(async () => {
    broker = await startThrowawayBroker();
    topic = randomName('gw-outage');
    gateway = await startTestGateway({
      brokers: broker.brokers,
      topic,
      env: { WEBHOOK_PUBLISH_DEADLINE_MS: String(DEADLINE_MS) },
    });
  });
  after(async () => {
    await gateway?.stop();
    await broker?.destroy();
  });

  async function deliver(fixture = fixtureFor('RENEWAL')) {
    const started = Date.now();
    const response = await gateway.request
      .post(PATH)
      .set('Authorization', VALID_AUTHORIZATION)
      .type('json')
      .send(fixture.body);
    if (response.status === 200) acknowledged.push(fixture);
    return { response, elapsedMs: Date.now() - started };
  }

  async function expectRefusedWithinDeadline() {
    const attempts = await Promise.all([deliver(), deliver(), deliver()]);
    for (const { response, elapsedMs } of attempts) {
      expect(response.status, response.text).to.equal(503);
      expect(response.headers['retry-after']).to.match(/^\d+$/);
      expect(elapsedMs).to.be.below(DEADLINE_MS + 1_000);
    }
  }

  async function expectAcceptedAgain() {
    // The gateway is not restarted: its producer finds the broker again on its own.
    await waitFor(async () => (await deliver()).response.status === 200, {
      timeoutMs: 60_000,
      intervalMs: 500,
      description: 'the gateway to accept events again',
    });
    const burst = await Promise.all(Array.from({ length: 20 }, () => deliver()));
    expect(burst.map(({ response }) => response.status)).to.deep.equal(Array(20).fill(200));
  }

  it('when the broker is up, then events are acknowledged', async () => {
    expect((await deliver()).response.status).to.equal(200);
  });

  it('when the broker is killed, then requests get 503 within the deadline and readiness turns false', async () => {
    await broker.kill();
    await expectRefusedWithinDeadline();
    expect((await fetch(`${gateway.adminUrl}/readyz`)).status).to.equal(503);
  });

  it('when the broker is started again, then requests succeed without restarting the gateway', async () => {
    await broker.restart();
    await expectAcceptedAgain();
  });

  it('when the broker hangs without closing connections for longer than the Kafka request timeout, then every request gets 503 by the deadline', async () => {
    broker.freeze();
    try {
      // Keep delivering for 12 s, past kafkajs' 10 s request timeout, so produce requests time out while
      // the frozen broker still holds them (it appends them once thawed).
      const attempts: Array<ReturnType<typeof deliver>> = [];
      for (let i = 0; i < 24; i += 1) {
        attempts.push(deliver());
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      for (const { response, elapsedMs } of await Promise.all(attempts)) {
        expect(response.status, response.text).to.equal(503);
        expect(elapsedMs).to.be.below(DEADLINE_MS + 1_000);
      }
    } finally {
      broker.thaw();
    }
  });

  it('when the hung broker recovers, then requests succeed again', async () => {
    await expectAcceptedAgain();
  });

  it('when it is all over, then every acknowledged event is on the topic', async () => {
    const messages = await consumeMessages(broker.brokers, topic, { quietMs: 2_000, timeoutMs: 60_000 });
    const onTopic = new Set(messages.map((message) => message.headers['rc-event-id']));
    for (const fixture of acknowledged) expect(onTopic.has(fixture.id), fixture.id).to.equal(true);
    expect(acknowledged.length).to.be.at.least(1 + 2 * 21);
  });
});

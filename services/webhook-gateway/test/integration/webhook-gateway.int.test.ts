import { expect } from 'chai';
import { consumeMessages, getInfrastructure, randomName } from '@teamseat/testing';
import { startTestGateway, recordCount, metricsText, type TestGateway } from '../support/test-gateway';
import { DOCUMENTED_EVENT_TYPES, fixtureFor, VALID_AUTHORIZATION } from '../support/webhook-fixtures';

const PATH = '/webhooks/revenuecat';

describe('webhook gateway against real Kafka', () => {
  let brokers: string[];
  before(async function () {
    this.timeout(300_000);
    ({ kafkaBrokers: brokers } = await getInfrastructure());
  });

  describe('accepting events', () => {
    let gateway: TestGateway;
    let topic: string;
    before(async () => {
      topic = randomName('gw-accept');
      gateway = await startTestGateway({ brokers, topic });
    });
    after(() => gateway.stop());

    it('when every documented type, a TRANSFER without app_user_id and an unknown type arrive, then each lands byte-identical with its key and headers', async () => {
      const fixtures = [...DOCUMENTED_EVENT_TYPES, 'SUBSCRIBER_ALIAS', 'FUTURE_EVENT_TYPE'].map((type) =>
        fixtureFor(type),
      );
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      const before = Date.now();
      const responses = await Promise.all(
        fixtures.map((fixture) =>
          gateway.request
            .post(PATH)
            .set('Authorization', VALID_AUTHORIZATION)
            .set('Content-Type', 'application/json')
            .set('traceparent', traceparent)
            .send(fixture.body),
        ),
      );
      for (const response of responses) expect(response.status, response.text).to.equal(200);

      const messages = await consumeMessages(brokers, topic, { count: fixtures.length });
      expect(messages).to.have.length(fixtures.length);
      for (const fixture of fixtures) {
        const message = messages.find((candidate) => candidate.headers['rc-event-id'] === fixture.id);
        expect(message, fixture.type).to.not.equal(undefined);
        expect(message!.value, fixture.type).to.equal(fixture.body);
        expect(message!.key, fixture.type).to.equal(fixture.expectedKey);
        expect(message!.headers['rc-event-type']).to.equal(fixture.type);
        expect(message!.headers.traceparent).to.equal(traceparent);
        const receivedAt = Date.parse(message!.headers['received-at']!);
        expect(receivedAt).to.be.within(before - 1000, Date.now());
      }
      const transfer = fixtures.find((fixture) => fixture.type === 'TRANSFER')!;
      expect(JSON.parse(transfer.body).event).not.to.have.property('app_user_id');
    });

    it('when the same event is delivered twice, then it is published twice and one duplicate is counted', async () => {
      const duplicateTopic = randomName('gw-duplicate');
      const duplicated = await startTestGateway({ brokers, topic: duplicateTopic });
      try {
        const fixture = fixtureFor('RENEWAL');
        for (let i = 0; i < 2; i += 1) {
          await duplicated.request
            .post(PATH)
            .set('Authorization', VALID_AUTHORIZATION)
            .type('json')
            .send(fixture.body)
            .expect(200);
        }
        expect(await recordCount(brokers, duplicateTopic)).to.equal(2);
        expect(await metricsText(duplicated)).to.match(/^webhook_duplicate_events_total\{[^}]*\} 1$/m);
      } finally {
        await duplicated.stop();
      }
    });
  });

  describe('refusing bad requests', () => {
    it('when authorization, body, size, content type or method are wrong, then each gets its status and a clear message, and the topic holds only the one valid event', async () => {
      const topic = randomName('gw-refuse');
      const gateway = await startTestGateway({ brokers, topic, env: { WEBHOOK_BODY_LIMIT_BYTES: '4096' } });
      try {
        const valid = fixtureFor('INITIAL_PURCHASE').body;
        const post = () => gateway.request.post(PATH).set('Authorization', VALID_AUTHORIZATION).type('json');
        const cases: Array<[string, Promise<{ status: number; body: { detail?: string } }>, number, RegExp]> =
          [
            ['no authorization', gateway.request.post(PATH).type('json').send(valid), 401, /required/],
            [
              'wrong authorization',
              gateway.request.post(PATH).set('Authorization', 'Bearer nope').type('json').send(valid),
              401,
              /does not match/,
            ],
            ['non-JSON', post().send('{"event":'), 400, /^body: is not JSON$/],
            ['a JSON array', post().send('[]'), 400, /^body: must be a JSON object$/],
            ['no event', post().send('{"api_version":"1.0"}'), 400, /^event: is missing$/],
            [
              'a missing id',
              post().send('{"event":{"type":"TEST"}}'),
              400,
              /^event\.id: must be a non-empty string$/,
            ],
            [
              'an empty id',
              post().send('{"event":{"id":"","type":"TEST"}}'),
              400,
              /^event\.id: must be a non-empty string$/,
            ],
            [
              'an oversized body',
              post().send(`{"event":{"id":"x","type":"TEST","pad":"${'x'.repeat(5000)}"}}`),
              413,
              /limit of 4096 bytes/,
            ],
            [
              'a wrong content type',
              gateway.request
                .post(PATH)
                .set('Authorization', VALID_AUTHORIZATION)
                .set('Content-Type', 'text/plain')
                .send(valid),
              415,
              /application\/json/,
            ],
            [
              'a wrong method',
              gateway.request.get(PATH).set('Authorization', VALID_AUTHORIZATION),
              405,
              /POST/,
            ],
          ];
        for (const [what, sending, status, detail] of cases) {
          const response = await sending;
          expect(response.status, what).to.equal(status);
          expect(response.body.detail, what).to.match(detail);
        }
        await post().send(valid).expect(200);
        expect(await recordCount(brokers, topic)).to.equal(1);
        const [only] = await consumeMessages(brokers, topic, { count: 1 });
        expect(only!.value).to.equal(valid);
      } finally {
        await gateway.stop();
      }
    });
  });

  describe('rotating the authorization value', () => {
    it('when both values are configured, then both are accepted; once the old one is removed, it is refused', async () => {
      const topic = randomName('gw-rotate');
      const oldValue = 'Bearer old-rotation-value';
      const newValue = 'Bearer new-rotation-value';
      const send = (gateway: TestGateway, authorization: string) =>
        gateway.request
          .post(PATH)
          .set('Authorization', authorization)
          .type('json')
          .send(fixtureFor('RENEWAL').body);

      const during = await startTestGateway({
        brokers,
        topic,
        env: { WEBHOOK_AUTHORIZATION: newValue, WEBHOOK_AUTHORIZATION_PREVIOUS: oldValue },
      });
      try {
        expect((await send(during, newValue)).status).to.equal(200);
        expect((await send(during, oldValue)).status).to.equal(200);
      } finally {
        await during.stop();
      }

      const after = await startTestGateway({ brokers, topic, env: { WEBHOOK_AUTHORIZATION: newValue } });
      try {
        expect((await send(after, newValue)).status).to.equal(200);
        expect((await send(after, oldValue)).status).to.equal(401);
      } finally {
        await after.stop();
      }
      expect(await recordCount(brokers, topic)).to.equal(3);
    });
  });
});

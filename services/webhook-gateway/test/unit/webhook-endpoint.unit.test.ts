import { expect } from 'chai';
import { AppError } from '@teamseat/errors';
import { buildApp, metricValue } from '../support/app-harness';
import { fixtureFor, VALID_AUTHORIZATION } from '../support/webhook-fixtures';

const PATH = '/webhooks/revenuecat';

describe('POST /webhooks/revenuecat (HTTP behaviour)', () => {
  it('when an authorized valid webhook arrives, then its exact bytes are published with key and headers and 200 follows', async () => {
    const { request, published } = buildApp();
    const fixture = fixtureFor('INITIAL_PURCHASE');
    const response = await request
      .post(PATH)
      .set('Authorization', VALID_AUTHORIZATION)
      .set('Content-Type', 'application/json')
      .send(fixture.body);
    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ status: 'published', eventId: fixture.id });
    expect(published).to.have.length(1);
    const [webhook] = published;
    expect(webhook!.raw.equals(Buffer.from(fixture.body, 'utf8'))).to.equal(true);
    expect(webhook).to.include({
      eventId: fixture.id,
      eventType: 'INITIAL_PURCHASE',
      key: fixture.expectedKey,
    });
    expect(webhook!.traceparent).to.match(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('when a TRANSFER without app_user_id arrives, then the key is the first transferred_to id', async () => {
    const { request, published } = buildApp();
    const fixture = fixtureFor('TRANSFER');
    await request
      .post(PATH)
      .set('Authorization', VALID_AUTHORIZATION)
      .type('json')
      .send(fixture.body)
      .expect(200);
    expect(published[0]!.key).to.equal(fixture.expectedKey);
  });

  it('when the event names no user at all, then it is keyed by its event id', async () => {
    const { request, published } = buildApp();
    const body = '{"event":{"id":"evt-without-user","type":"FUTURE_SYSTEM_EVENT"}}';
    await request.post(PATH).set('Authorization', VALID_AUTHORIZATION).type('json').send(body).expect(200);
    expect(published[0]!.key).to.equal('evt-without-user');
  });

  it('when the caller sends a valid traceparent, then it travels with the event; an invalid one is replaced', async () => {
    const { request, published } = buildApp();
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const send = (header: string) =>
      request
        .post(PATH)
        .set('Authorization', VALID_AUTHORIZATION)
        .set('traceparent', header)
        .type('json')
        .send(fixtureFor('RENEWAL').body)
        .expect(200);
    await send(traceparent);
    await send('00-00000000000000000000000000000000-00f067aa0ba902b7-01');
    expect(published[0]!.traceparent).to.equal(traceparent);
    expect(published[1]!.traceparent).not.to.contain('00000000000000000000000000000000');
  });

  it('when the Authorization header is missing or wrong, then 401 follows, nothing is published, the failure is counted and the value never logged', async () => {
    const { request, published, registry, logs } = buildApp();
    const wrong = 'Bearer wrong-value-7f3a9c';
    const missing = await request.post(PATH).type('json').send(fixtureFor('TEST').body);
    const mismatch = await request
      .post(PATH)
      .set('Authorization', wrong)
      .type('json')
      .send(fixtureFor('TEST').body);
    for (const response of [missing, mismatch]) {
      expect(response.status).to.equal(401);
      expect(response.type).to.equal('application/problem+json');
      expect(response.headers['www-authenticate']).to.be.a('string');
    }
    expect(missing.body.detail).to.contain('required');
    expect(mismatch.body.detail).to.contain('does not match');
    expect(published).to.have.length(0);
    expect(
      await metricValue(registry, 'webhook_authorization_failures_total', { reason: 'missing' }),
    ).to.equal(1);
    expect(
      await metricValue(registry, 'webhook_authorization_failures_total', { reason: 'mismatch' }),
    ).to.equal(1);
    expect(logs()).not.to.contain('wrong-value-7f3a9c');
    expect(JSON.stringify(mismatch.body)).not.to.contain('wrong-value-7f3a9c');
  });

  it('when an event is accepted, then the log names its id and type but holds neither the body nor the authorization', async () => {
    const { request, logs } = buildApp();
    const fixture = fixtureFor('RENEWAL');
    await request
      .post(PATH)
      .set('Authorization', VALID_AUTHORIZATION)
      .type('json')
      .send(fixture.body)
      .expect(200);
    const text = logs();
    expect(text).to.contain(fixture.id).and.to.contain('"eventType":"RENEWAL"');
    expect(text).not.to.contain('170000123456789');
    expect(text).not.to.contain('test-webhook-secret');
  });

  const badBodies: Array<[string, string, string]> = [
    ['is not JSON', '{"event": ', 'body: is not JSON'],
    ['is a JSON array', '[{"event":{"id":"a","type":"TEST"}}]', 'body: must be a JSON object'],
    ['is a JSON string', '"hello"', 'body: must be a JSON object'],
    ['has no event', '{"api_version":"1.0"}', 'event: is missing'],
    ['has an event that is not an object', '{"event":[1]}', 'event: must be a JSON object'],
    ['has no event id', '{"event":{"type":"TEST"}}', 'event.id: must be a non-empty string'],
    ['has an empty event id', '{"event":{"id":"","type":"TEST"}}', 'event.id: must be a non-empty string'],
    ['has a numeric event id', '{"event":{"id":42,"type":"TEST"}}', 'event.id: must be a non-empty string'],
    ['has no event type', '{"event":{"id":"e1"}}', 'event.type: must be a non-empty string'],
    ['has a blank event id', '{"event":{"id":"  ","type":"TEST"}}', 'event.id: must be a non-empty string'],
    ['is empty', '', 'body: is not JSON'],
  ];
  for (const [what, body, detail] of badBodies) {
    it(`when the body ${what}, then 400 names the problem and nothing is published`, async () => {
      const { request, published } = buildApp();
      const response = await request
        .post(PATH)
        .set('Authorization', VALID_AUTHORIZATION)
        .type('json')
        .send(body);
      expect(response.status).to.equal(400);
      expect(response.type).to.equal('application/problem+json');
      expect(response.body).to.include({ status: 400, detail, code: 'INVALID_ARGUMENT' });
      expect(published).to.have.length(0);
    });
  }

  it('when the body is not valid UTF-8, then 400 says so', async () => {
    const { request } = buildApp();
    const invalid = request.post(PATH).set('Authorization', VALID_AUTHORIZATION).type('json');
    invalid.write(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]));
    const response = await invalid;
    expect(response.status).to.equal(400);
    expect(response.body.detail).to.equal('body: is not valid UTF-8');
  });

  it('when the content type is not JSON, or names another charset or an encoding, then 415 explains it', async () => {
    const { request, published } = buildApp();
    const body = fixtureFor('TEST').body;
    const post = () => request.post(PATH).set('Authorization', VALID_AUTHORIZATION);
    const responses = await Promise.all([
      post().set('Content-Type', 'text/plain').send(body),
      post().set('Content-Type', 'application/x-www-form-urlencoded').send('a=b'),
      post().set('Content-Type', 'application/json; charset=latin1').send(body),
      post().set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send(body),
    ]);
    for (const response of responses) {
      expect(response.status).to.equal(415);
      expect(response.body.reason).to.equal('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(responses[0]!.body.detail).to.contain('"text/plain"');
    expect(published).to.have.length(0);
  });

  it('when the content type carries a utf-8 charset or is a +json type, then it is accepted', async () => {
    const { request } = buildApp();
    for (const type of ['application/json; charset=utf-8', 'application/vnd.revenuecat+json']) {
      await request
        .post(PATH)
        .set('Authorization', VALID_AUTHORIZATION)
        .set('Content-Type', type)
        .send(fixtureFor('TEST').body)
        .expect(200);
    }
  });

  it('when the body is larger than the limit, then 413 follows whether or not Content-Length announced it', async () => {
    const { request, published } = buildApp({ bodyLimitBytes: 1024 });
    const big = JSON.stringify({ event: { id: 'big', type: 'TEST', padding: 'x'.repeat(2000) } });
    const announced = await request
      .post(PATH)
      .set('Authorization', VALID_AUTHORIZATION)
      .type('json')
      .send(big);
    expect(announced.status).to.equal(413);
    expect(announced.body.detail).to.equal('body: larger than the limit of 1024 bytes');
    const chunked = request.post(PATH).set('Authorization', VALID_AUTHORIZATION).type('json');
    chunked.write(big.slice(0, 600));
    chunked.write(big.slice(600));
    expect((await chunked).status).to.equal(413);
    expect(published).to.have.length(0);
  });

  it('when another method is used on the webhook path, then 405 names POST in Allow', async () => {
    const { request } = buildApp();
    for (const response of [
      await request.get(PATH),
      await request.put(PATH).send('{}'),
      await request.delete(PATH),
    ]) {
      expect(response.status).to.equal(405);
      expect(response.headers.allow).to.equal('POST');
      expect(response.body.reason).to.equal('METHOD_NOT_ALLOWED');
    }
  });

  it('when the webhook path comes with a trailing slash or other letter case, then it is the same route', async () => {
    const { request, published } = buildApp();
    for (const path of [`${PATH}/`, '/Webhooks/RevenueCat']) {
      const fixture = fixtureFor('RENEWAL');
      const response = await request
        .post(path)
        .set('Authorization', VALID_AUTHORIZATION)
        .type('json')
        .send(fixture.body);
      expect(response.status, path).to.equal(200);
    }
    expect(published).to.have.length(2);
    expect((await request.get(`${PATH}/`)).status).to.equal(405);
    expect((await request.post(`${PATH}/x`).send('{}')).status).to.equal(404);
  });

  it('when another path is requested, then 404 points at the webhook path', async () => {
    const { request } = buildApp();
    const response = await request.post('/webhooks/stripe').send('{}');
    expect(response.status).to.equal(404);
    expect(response.body.detail).to.contain('POST /webhooks/revenuecat');
  });

  it('when Kafka is unavailable or too slow, then 503 with Retry-After follows, never 200', async () => {
    for (const failure of [
      new AppError('UNAVAILABLE', 'Kafka did not acknowledge the message'),
      new AppError('DEADLINE_EXCEEDED', 'Kafka did not acknowledge the event within 10 ms'),
    ]) {
      const { request, registry } = buildApp({ publish: () => Promise.reject(failure) });
      const response = await request
        .post(PATH)
        .set('Authorization', VALID_AUTHORIZATION)
        .type('json')
        .send(fixtureFor('TEST').body);
      expect(response.status).to.equal(503);
      expect(response.headers['retry-after']).to.equal('10');
      expect(response.body.code).to.equal(failure.code);
      expect(await metricValue(registry, 'webhook_requests_total', { status: '503' })).to.equal(1);
    }
  });

  it('when publishing fails with an unexpected error, then 500 reveals nothing and the error is logged', async () => {
    const { request, logs } = buildApp({ publish: () => Promise.reject(new Error('kaboom internals')) });
    const response = await request
      .post(PATH)
      .set('Authorization', VALID_AUTHORIZATION)
      .type('json')
      .send(fixtureFor('TEST').body);
    expect(response.status).to.equal(500);
    expect(JSON.stringify(response.body)).not.to.contain('kaboom');
    expect(logs()).to.contain('kaboom internals');
  });

  it('when the same event id arrives twice, then both are published and one duplicate is counted', async () => {
    const { request, published, registry } = buildApp();
    const fixture = fixtureFor('RENEWAL');
    for (let i = 0; i < 2; i += 1) {
      await request
        .post(PATH)
        .set('Authorization', VALID_AUTHORIZATION)
        .type('json')
        .send(fixture.body)
        .expect(200);
    }
    expect(published).to.have.length(2);
    expect(await metricValue(registry, 'webhook_duplicate_events_total')).to.equal(1);
  });

  it('when an unknown event type arrives, then it is accepted and counted as OTHER', async () => {
    const { request, registry } = buildApp();
    const fixture = fixtureFor('FUTURE_EVENT_TYPE');
    await request
      .post(PATH)
      .set('Authorization', VALID_AUTHORIZATION)
      .type('json')
      .send(fixture.body)
      .expect(200);
    expect(await metricValue(registry, 'webhook_events_published_total', { type: 'OTHER' })).to.equal(1);
  });
});

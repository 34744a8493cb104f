import { expect } from 'chai';
import fc from 'fast-check';
import { consumeMessages, getInfrastructure, randomName } from '@teamseat/testing';
import { recordCount, startTestGateway, type TestGateway } from '../support/test-gateway';
import { DOCUMENTED_EVENT_TYPES, VALID_AUTHORIZATION } from '../support/webhook-fixtures';

const PATH = '/webhooks/revenuecat';
const BODY_LIMIT = 8 * 1024;

interface GeneratedRequest {
  method: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: Uint8Array;
  traceparent: string | undefined;
}

const JSON_TYPES = new Set([
  'application/json',
  'application/json; charset=utf-8',
  'application/cloudevents+json',
]);

/** What the gateway must answer, worked out independently of its code from the rules in the issue. */
function expectedStatus(request: GeneratedRequest): number {
  if (request.method !== 'POST') return 405;
  if (request.authorization !== VALID_AUTHORIZATION) return 401;
  if (request.contentType === undefined || !JSON_TYPES.has(request.contentType)) return 415;
  if (request.body.length > BODY_LIMIT) return 413;
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(request.body));
  } catch {
    return 400;
  }
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(body) || !isObject(body.event)) return 400;
  const { id, type } = body.event;
  const nonBlank = (value: unknown) => typeof value === 'string' && value.trim().length > 0;
  return nonBlank(id) && nonBlank(type) ? 200 : 400;
}

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const webhookBody = fc
  .record({
    api_version: fc.constantFrom('1.0', undefined),
    event: fc.record(
      {
        id: fc.oneof(
          { weight: 8, arbitrary: fc.uuid() },
          text,
          fc.constant(''),
          fc.constant('  '),
          fc.integer(),
          fc.constant(undefined),
        ),
        type: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...DOCUMENTED_EVENT_TYPES) },
          text,
          fc.constant(null),
          fc.constant(undefined),
        ),
        app_user_id: fc.oneof(text, fc.constant(null), fc.constant(undefined)),
        transferred_to: fc.array(text, { maxLength: 2 }),
        event_timestamp_ms: fc.oneof(fc.integer(), fc.double(), fc.constant(null)),
        unknown_field: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: ['id', 'type'] },
    ),
  })
  .chain((body) => fc.constantFrom(JSON.stringify(body), JSON.stringify(body, null, 2)));

const bodyBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 10, arbitrary: webhookBody.map((body) => Buffer.from(body, 'utf8')) },
  { weight: 2, arbitrary: fc.json().map((body) => Buffer.from(body, 'utf8')) },
  { weight: 1, arbitrary: text.map((body) => Buffer.from(body, 'utf8')) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  {
    weight: 1,
    arbitrary: fc
      .uuid()
      .map((id) =>
        Buffer.from(JSON.stringify({ event: { id, type: 'TEST', padding: 'x'.repeat(BODY_LIMIT) } })),
      ),
  },
);

const generatedRequest: fc.Arbitrary<GeneratedRequest> = fc.record({
  method: fc.oneof(
    { weight: 12, arbitrary: fc.constant('POST') },
    fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE'),
  ),
  authorization: fc.oneof(
    { weight: 10, arbitrary: fc.constant(VALID_AUTHORIZATION) },
    fc.constant(undefined),
    fc.string({ minLength: 1, maxLength: 60 }).map((value) => `Bearer ${value}`.trim()),
  ),
  contentType: fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...JSON_TYPES) },
    fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
      undefined,
    ),
  ),
  body: bodyBytes,
  traceparent: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
});

describe('webhook gateway under random requests (property, real Kafka)', function () {
  this.timeout(180_000);
  let brokers: string[];
  let gateway: TestGateway;
  let topic: string;
  before(async function () {
    this.timeout(300_000);
    ({ kafkaBrokers: brokers } = await getInfrastructure());
    topic = randomName('gw-property');
    gateway = await startTestGateway({
      brokers,
      topic,
      env: { WEBHOOK_BODY_LIMIT_BYTES: String(BODY_LIMIT) },
    });
  });
  after(() => gateway?.stop());

  it('when any request arrives, then the answer follows the rules, nothing is 5xx, and the topic holds exactly the bodies that got 200', async () => {
    const accepted: string[] = [];
    await fc.assert(
      fc.asyncProperty(generatedRequest, async (request) => {
        const headers: Record<string, string> = {};
        if (request.authorization !== undefined) headers.authorization = request.authorization;
        if (request.contentType !== undefined) headers['content-type'] = request.contentType;
        if (request.traceparent !== undefined) headers.traceparent = request.traceparent;
        const response = await fetch(`${gateway.url}${PATH}`, {
          method: request.method,
          headers,
          body: request.method === 'GET' ? undefined : request.body,
        });
        const answer = await response.text();
        expect(response.status, answer).to.be.below(500);
        expect(response.status, answer).to.equal(expectedStatus(request));
        if (response.status === 200) accepted.push(Buffer.from(request.body).toString('utf8'));
        else expect(response.headers.get('content-type')).to.equal('application/problem+json');
      }),
      { numRuns: 300 },
    );

    // The generators favour valid requests, so both sides of every rule are exercised.
    expect(accepted.length).to.be.greaterThan(40);
    const messages = await consumeMessages(brokers, topic, { count: accepted.length, timeoutMs: 60_000 });
    expect(await recordCount(brokers, topic)).to.equal(accepted.length);
    expect(messages.map((message) => message.value).sort()).to.deep.equal([...accepted].sort());
  });
});

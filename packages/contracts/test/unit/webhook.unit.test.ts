import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { AppError } from '@teamseat/errors';
import {
  parseWebhookBody,
  readRevenueCatEvent,
  safeParseWebhookBody,
  subscriberKey,
} from '@teamseat/contracts';

const ODD_FIELDS_FIXTURE = path.join(__dirname, '../fixtures/revenuecat-webhook-odd-fields.json');

function problemOf(raw: string | Uint8Array): string {
  const result = safeParseWebhookBody(raw);
  if (result.ok) throw new Error('expected a rejection');
  expect(result.error).to.be.instanceOf(AppError);
  expect(result.error.code).to.equal('INVALID_ARGUMENT');
  expect(result.error.reason).to.equal('INVALID_WEBHOOK');
  return result.error.message;
}

const transferSample = {
  api_version: '1.0',
  event: {
    id: 'B3B4F4E5-TRANSFER',
    type: 'TRANSFER',
    app_id: 'app1234',
    event_timestamp_ms: 1_658_726_522_314,
    store: 'APP_STORE',
    environment: 'PRODUCTION',
    transferred_from: ['$RCAnonymousID:old'],
    transferred_to: ['user-new', 'user-other'],
  },
};

describe('webhook body', function () {
  it('when the body has an event with id and type, then it parses and keeps every other field', function () {
    const body = parseWebhookBody(
      Buffer.from(JSON.stringify({ ...transferSample, extra: { nested: true } })),
    );
    expect(body.event.id).to.equal('B3B4F4E5-TRANSFER');
    expect(body.event['transferred_to']).to.deep.equal(['user-new', 'user-other']);
    expect(body['extra']).to.deep.equal({ nested: true });
  });

  it('when the bytes start with a UTF-8 byte order mark or sit inside a larger buffer, then they still parse', function () {
    const json = JSON.stringify({ event: { id: 'e-1', type: 'TEST' } });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]);
    const pooled = Buffer.from(`xx${json}yy`).subarray(2, 2 + json.length);

    expect(parseWebhookBody(withBom).event.id).to.equal('e-1');
    expect(parseWebhookBody(new Uint8Array(pooled)).event.type).to.equal('TEST');
    expect(parseWebhookBody(pooled).event.type).to.equal('TEST');
    expect(problemOf(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]))).to.equal('body: is not valid UTF-8');
  });

  it('when the body is wrong, then the error names what is wrong', function () {
    expect(problemOf(Buffer.from([0xff, 0xfe]))).to.equal('body: is not valid UTF-8');
    expect(problemOf('{"event":')).to.equal('body: is not JSON');
    expect(problemOf('[1,2]')).to.equal('body: must be a JSON object');
    expect(problemOf('null')).to.equal('body: must be a JSON object');
    expect(problemOf('{}')).to.equal('event: is missing');
    expect(problemOf('{"event":"x"}')).to.equal('event: must be a JSON object');
    expect(problemOf('{"event":{"type":"TEST"}}')).to.equal('event.id: must be a non-empty string');
    expect(problemOf('{"event":{"id":"  ","type":"TEST"}}')).to.equal('event.id: must be a non-empty string');
    expect(problemOf('{"event":{"id":"1","type":7}}')).to.equal('event.type: must be a non-empty string');
  });

  it('when parseWebhookBody meets a bad body, then it throws the same AppError', function () {
    expect(() => parseWebhookBody('{}')).to.throw(AppError, 'event: is missing');
  });

  it('when any event has a non-empty id and type, then it is accepted whatever else it holds', function () {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0),
        fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0),
        fc.dictionary(
          fc.string().filter((k) => k !== 'id' && k !== 'type'),
          fc.jsonValue(),
        ),
        (id, type, rest) => {
          const raw = JSON.stringify({ event: { ...rest, id, type } });
          const result = safeParseWebhookBody(raw);
          expect(result.ok).to.equal(true);
        },
      ),
    );
  });
});

describe('subscriberKey', function () {
  it('when the event has app_user_id, then that is the key', function () {
    expect(subscriberKey({ app_user_id: 'u1', transferred_to: ['u2'], original_app_user_id: 'u0' })).to.equal(
      'u1',
    );
  });

  it('when a TRANSFER has no app_user_id, then the first transferred_to is the key', function () {
    expect(subscriberKey(transferSample.event)).to.equal('user-new');
    expect(subscriberKey({ app_user_id: null, transferred_to: ['', 'u3'] })).to.equal('u3');
  });

  it('when only original_app_user_id is there, then it is the key; with nothing, null', function () {
    expect(subscriberKey({ app_user_id: '', transferred_to: [], original_app_user_id: 'u0' })).to.equal('u0');
    expect(subscriberKey({ id: 'x', type: 'TEST' })).to.equal(null);
  });
});

describe('RevenueCat event view', function () {
  it('when the TRANSFER sample is read, then its arrays are typed and absent fields stay absent', function () {
    const event = readRevenueCatEvent(transferSample.event);
    expect(event.transferred_to).to.deep.equal(['user-new', 'user-other']);
    expect(event.app_user_id).to.equal(undefined);
  });

  it('when fields are null or unknown, then the event is still read', function () {
    const event = readRevenueCatEvent({
      id: 'e1',
      type: 'SOMETHING_NEW',
      app_user_id: 'u1',
      entitlement_ids: null,
      expiration_at_ms: null,
      brand_new_field: { a: 1 },
    });
    expect(event.entitlement_ids).to.equal(null);
    expect(event['brand_new_field']).to.deep.equal({ a: 1 });
  });

  it('when a genuine event has unused fields that are null or of another type, then it is still read and those fields are absent', function () {
    const body = parseWebhookBody(readFileSync(ODD_FIELDS_FIXTURE));
    const event = readRevenueCatEvent(body.event);
    expect(event).to.include({ id: body.event.id, type: 'INITIAL_PURCHASE', app_user_id: 'user-odd-fields' });
    expect(event.event_timestamp_ms).to.equal(1_767_225_600_000);
    for (const field of ['entitlement_ids', 'purchased_at_ms', 'expiration_at_ms', 'environment', 'price'])
      expect(event[field], field).to.equal(undefined);
    expect(event.store).to.equal(null);
    expect(event.currency).to.equal(null);
  });

  it('when a field processing uses has another type, then it is read as absent, never a reason to refuse the event', function () {
    const event = readRevenueCatEvent({
      id: 'e1',
      type: 'RENEWAL',
      app_user_id: 'u1',
      event_timestamp_ms: '1767225600000',
      store: 7,
    });
    expect(event.event_timestamp_ms).to.equal(undefined);
    expect(event.store).to.equal(undefined);
  });

  it('when an event names no user, then it is refused naming the user field; TEST events need none', function () {
    expect(() => readRevenueCatEvent({ id: 'e1', type: 'RENEWAL', app_user_id: null })).to.throw(
      AppError,
      'event.app_user_id: is missing: the event names no user',
    );
    expect(() => readRevenueCatEvent({ id: 'e1', type: 'TRANSFER', transferred_to: [] })).to.throw(
      AppError,
      'event.app_user_id',
    );
    expect(readRevenueCatEvent({ id: 'e1', type: 'TEST' }).type).to.equal('TEST');
    expect(readRevenueCatEvent({ id: 'e2', type: 'RENEWAL', aliases: ['u1'] }).aliases).to.deep.equal(['u1']);
  });

  it('when a user id field has the wrong type, then the event is refused naming that field', function () {
    expect(() => readRevenueCatEvent({ id: 'e1', type: 'RENEWAL', app_user_id: 42 })).to.throw(
      AppError,
      'event.app_user_id: Expected string, received number',
    );
    expect(() => readRevenueCatEvent({ id: 'e1', type: 'TRANSFER', transferred_to: 'user-new' })).to.throw(
      AppError,
      'event.transferred_to',
    );
  });
});

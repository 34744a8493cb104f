import { expect } from 'chai';
import { parseSubscriberBody } from '../../src/adapters/revenuecat/subscriber-parser';
import { LIFETIME, LIFETIME_FROM_MS } from '../../src/domain/expiry';

const body = (expires: string | null) => ({
  request_date_ms: Date.UTC(2030, 0, 1),
  subscriber: {
    entitlements: { pro: { expires_date: expires, product_identifier: 'rc_promo_pro_lifetime' } },
    subscriptions: { rc_promo_pro_lifetime: { expires_date: expires, store: 'promotional' } },
  },
});

describe('subscriber parser: lifetime expiries (ADR 0029)', () => {
  it('when a lifetime promotional reads null, then it is lifetime', () => {
    const subscriber = parseSubscriberBody('u', body(null), 0);
    expect(subscriber.entitlements[0]!.expiresAt).to.equal(LIFETIME);
    expect(subscriber.subscriptions[0]!.expiresAt).to.equal(LIFETIME);
  });

  it('when a lifetime promotional reads as expiring in 2222, then it is lifetime too', () => {
    const subscriber = parseSubscriberBody('u', body('2222-05-18T13:32:57Z'), 0);
    expect(subscriber.entitlements[0]!.expiresAt).to.equal(LIFETIME);
    expect(subscriber.subscriptions[0]!.expiresAt).to.equal(LIFETIME);
  });

  it('when an expiry falls just before the threshold, then it stays a date', () => {
    const before = new Date(LIFETIME_FROM_MS - 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const subscriber = parseSubscriberBody('u', body(before), 0);
    expect(subscriber.subscriptions[0]!.expiresAt).to.equal(LIFETIME_FROM_MS - 1000);
    expect(new Date(LIFETIME_FROM_MS).toISOString()).to.equal('2200-01-01T00:00:00.000Z');
  });
});

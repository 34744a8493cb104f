import { expect } from 'chai';
import type { Emulator } from '../../src';
import { call, startTestEmulator, T0 } from '../support/harness';

const grant = (emulator: Emulator, user: string, body: object) =>
  call(emulator, 'POST', `/v1/subscribers/${user}/entitlements/pro/promotional`, body);
const revoke = (emulator: Emulator, user: string) =>
  call(emulator, 'POST', `/v1/subscribers/${user}/entitlements/pro/revoke_promotionals`);

describe('revenuecat-emulator promotional answer shapes (lifetime expiry, unknown customers)', () => {
  let emulator: Emulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('when lifetime grants read as null (the default), then a lifetime grant has a null expires_date', async () => {
    emulator = await startTestEmulator();
    const reply = await grant(emulator, 'life', { duration: 'lifetime' });
    expect(reply.status).to.equal(201);
    expect(reply.body.subscriber.subscriptions.rc_promo_pro_lifetime.expires_date).to.equal(null);
    expect(reply.body.subscriber.entitlements.pro.expires_date).to.equal(null);
  });

  it('when lifetime grants read far-future, then a lifetime grant expires 200 years after it started, in the entitlement too', async () => {
    emulator = await startTestEmulator({ lifetimeExpiry: 'far-future' });
    const reply = await grant(emulator, 'life', { duration: 'lifetime' });
    expect(reply.body.subscriber.subscriptions.rc_promo_pro_lifetime.expires_date).to.equal(
      '2230-01-01T00:00:00Z',
    );
    expect(reply.body.subscriber.entitlements.pro.expires_date).to.equal('2230-01-01T00:00:00Z');
    // Still a lifetime grant underneath: a later grant is a duplicate, a revoke ends it.
    const again = await grant(emulator, 'life', { end_time_ms: T0 + 86_400_000 });
    expect(Object.keys(again.body.subscriber.subscriptions)).to.deep.equal(['rc_promo_pro_lifetime']);
    const revoked = await revoke(emulator, 'life');
    expect(revoked.body.subscriber.subscriptions.rc_promo_pro_lifetime.expires_date).to.equal(
      '2030-01-01T00:00:00Z',
    );
  });

  it('when unknown customers are refused, then grant and revoke answer 404 until a GET creates the customer', async () => {
    emulator = await startTestEmulator({ unknownCustomerGrants: 'not-found' });
    const refused = await grant(emulator, 'newcomer', { end_time_ms: T0 + 86_400_000 });
    expect(refused.status).to.equal(404);
    expect(refused.body.code).to.equal(7259);
    expect((await revoke(emulator, 'newcomer')).status).to.equal(404);
    expect(emulator.customers.get('newcomer')).to.equal(undefined);

    expect((await call(emulator, 'GET', '/v1/subscribers/newcomer')).status).to.equal(201);
    expect((await grant(emulator, 'newcomer', { end_time_ms: T0 + 86_400_000 })).status).to.equal(201);
  });

  it('when unknown customers are created (the default), then a grant to a new id answers 201', async () => {
    emulator = await startTestEmulator();
    expect((await grant(emulator, 'fresh', { end_time_ms: T0 + 86_400_000 })).status).to.equal(201);
  });
});

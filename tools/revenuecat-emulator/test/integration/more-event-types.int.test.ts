import { expect } from 'chai';
import type { Emulator } from '../../src';
import {
  actAndReceive,
  call,
  DAY,
  startReceiver,
  startTestEmulator,
  store,
  T0,
  type Receiver,
} from '../support/harness';

const PERIOD = 30 * DAY;

/** Issue 18, point 7: the event types RevenueCat sends besides the purchase lifecycle; and dropped webhooks. */
describe('revenuecat-emulator: extension, refund reversal, informational events, dropped types', () => {
  let emulator: Emulator;
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver();
    emulator = await startTestEmulator({ webhooks: { urls: [receiver.url] } });
  });
  afterEach(async () => {
    await emulator.stop();
    await receiver.stop();
  });

  const act = (action: string, body: unknown) => actAndReceive(emulator, receiver, action, body);
  const ref = { app_user_id: 'owner', product_id: 'team_pro_monthly' };
  const subscription = async () =>
    (await call(emulator, 'GET', '/v1/subscribers/owner')).body.subscriber.subscriptions.team_pro_monthly;

  it('when a subscription is extended, then SUBSCRIPTION_EXTENDED carries the later expiry and the subscriber shows it', async () => {
    await act('purchase', ref);
    const [event] = await act('extend', { ...ref, extend_ms: 7 * DAY });
    expect(event).to.include({ type: 'SUBSCRIPTION_EXTENDED', expiration_at_ms: T0 + PERIOD + 7 * DAY });
    expect(Date.parse((await subscription()).expires_date)).to.equal(T0 + PERIOD + 7 * DAY);
  });

  it('when a refund is reversed, then REFUND_REVERSED is sent and the purchase runs to its period end again', async () => {
    await act('purchase', ref);
    emulator.advance(DAY);
    await act('refund', ref);
    expect((await subscription()).refunded_at).to.be.a('string');
    const [event] = await act('refund_reversed', ref);
    expect(event).to.include({ type: 'REFUND_REVERSED', expiration_at_ms: T0 + PERIOD, store: 'APP_STORE' });
    const sub = await subscription();
    expect(sub.refunded_at).to.equal(null);
    expect(Date.parse(sub.expires_date)).to.equal(T0 + PERIOD);
  });

  it('when a refund is reversed that never happened, then 409 names the reason', async () => {
    await act('purchase', ref);
    const reply = await store(emulator, 'refund_reversed', ref);
    expect(reply.status).to.equal(409);
    expect(JSON.stringify(reply.body)).to.match(/not refunded/);
  });

  it('when the informational events are sent, then they carry their documented fields and change no purchase', async () => {
    const [temporary] = await act('temporary_entitlement_grant', ref);
    expect(temporary).to.include({
      type: 'TEMPORARY_ENTITLEMENT_GRANT',
      app_user_id: 'owner',
      product_id: 'team_pro_monthly',
      purchased_at_ms: T0,
      expiration_at_ms: T0 + DAY,
    });
    expect(temporary!.entitlement_ids).to.deep.equal(['team_admin']);
    const [invoice] = await act('invoice_issuance', ref);
    expect(invoice).to.include({ type: 'INVOICE_ISSUANCE', store: 'RC_BILLING', entitlement_ids: null });
    const [currency] = await act('virtual_currency_transaction', {
      app_user_id: 'owner',
      amount: 50,
      currency_code: 'GEMS',
    });
    expect(currency).to.include({ type: 'VIRTUAL_CURRENCY_TRANSACTION', source: 'admin_api' });
    expect(currency!.adjustments).to.have.deep.nested.property('[0].amount', 50);
    const [enrolled] = await act('experiment_enrollment', {
      app_user_id: 'owner',
      experiment_id: 'prexp1',
      variant: 'b',
    });
    expect(enrolled).to.include({ type: 'EXPERIMENT_ENROLLMENT', experiment_variant: 'b' });
    expect(enrolled).to.not.have.property('store');
    expect(await subscription()).to.equal(undefined);
  });

  it('when event types are to be dropped, then the given count of them is never sent and later ones are', async () => {
    emulator.webhooks.configure({ dropEventTypes: ['RENEWAL'], dropEventCount: 1 });
    await act('purchase', ref);
    emulator.advance(PERIOD + DAY);
    emulator.advance(PERIOD);
    await emulator.webhooks.waitFor((all) => all.filter((d) => d.eventType === 'RENEWAL').length === 2);
    const renewals = emulator.webhooks.deliveries().filter((d) => d.eventType === 'RENEWAL');
    expect(renewals.map((d) => d.state)).to.deep.include.members(['dropped']);
    await emulator.webhooks.waitFor((all) =>
      all.some((d) => d.eventType === 'RENEWAL' && d.state === 'delivered'),
    );
    expect(emulator.webhooks.options().dropEventCount).to.equal(0);
  });

  it('when the control API gets a bad drop setting, then 400 names the field', async () => {
    const reply = await call(emulator, 'PUT', '/_emulator/webhooks/config', { drop_event_count: -1 }, {});
    expect(reply.status).to.equal(400);
    expect(JSON.stringify(reply.body)).to.match(/drop_event_count/);
  });
});

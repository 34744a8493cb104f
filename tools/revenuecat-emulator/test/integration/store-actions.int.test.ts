import { expect } from 'chai';
import type { Emulator, WebhookEvent } from '../../src';
import {
  call,
  control,
  DAY,
  startReceiver,
  startTestEmulator,
  T0,
  type Receiver,
  actAndReceive,
} from '../support/harness';

const PERIOD = 30 * DAY;

describe('revenuecat-emulator store actions and their webhooks', () => {
  let emulator: Emulator;
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver();
    emulator = await startTestEmulator({
      webhooks: { urls: [receiver.url], authorization: 'Bearer hook-secret' },
    });
  });
  afterEach(async () => {
    await emulator.stop();
    await receiver.stop();
  });

  /** Runs an action and returns the webhooks it caused, once they have arrived. */
  const act = (action: string, body: unknown, expected?: number) =>
    actAndReceive(emulator, receiver, action, body, expected);
  const subscriber = async (user: string) =>
    (await call(emulator, 'GET', `/v1/subscribers/${user}`)).body.subscriber;
  const buy = (user = 'owner', product = 'team_pro_monthly', extra = {}) =>
    act('purchase', { app_user_id: user, product_id: product, ...extra });

  it('when a product is bought, then INITIAL_PURCHASE is posted with RevenueCat fields and the Authorization value', async () => {
    const [event] = await buy();
    const delivery = receiver.received[0]!;
    expect(delivery.headers.authorization).to.equal('Bearer hook-secret');
    expect(delivery.headers['content-type']).to.equal('application/json');
    expect(delivery.body.api_version).to.equal('1.0');
    expect(event).to.include({
      type: 'INITIAL_PURCHASE',
      app_id: 'appemulator',
      app_user_id: 'owner',
      original_app_user_id: 'owner',
      product_id: 'team_pro_monthly',
      period_type: 'NORMAL',
      store: 'APP_STORE',
      environment: 'SANDBOX',
      event_timestamp_ms: T0,
      purchased_at_ms: T0,
      expiration_at_ms: T0 + PERIOD,
      is_family_share: false,
    });
    expect(event!.entitlement_ids).to.deep.equal(['team_admin']);
    expect(event!.id).to.be.a('string');
    const sub = await subscriber('owner');
    expect(sub.entitlements.team_admin.expires_date).to.equal('2030-01-31T00:00:00Z');
    expect(sub.subscriptions.team_pro_monthly).to.include({
      store: 'app_store',
      ownership_type: 'PURCHASED',
    });
  });

  it('when bought on Play with a trial, then the product id is the Play form and the period type TRIAL', async () => {
    const [event] = await buy('p', 'team_pro_monthly', {
      store: 'PLAY_STORE',
      period_type: 'TRIAL',
      period_ms: 7 * DAY,
    });
    expect(event).to.include({
      product_id: 'team_pro_monthly:monthly',
      store: 'PLAY_STORE',
      period_type: 'TRIAL',
      price: 0,
    });
    expect(event!.expiration_at_ms).to.equal(T0 + 7 * DAY);
    const sub = await subscriber('p');
    expect(sub.subscriptions['team_pro_monthly:monthly']).to.include({
      period_type: 'trial',
      store: 'play_store',
    });
  });

  it('when a non-renewing product is bought, then NON_RENEWING_PURCHASE is sent and it shows in non_subscriptions', async () => {
    await emulator.stop();
    emulator = await startTestEmulator({
      webhooks: { urls: [receiver.url] },
      catalog: {
        products: [],
        storeProducts: [{ productId: 'lifetime_pro', entitlements: ['pro'], type: 'non_renewing' }],
      },
    });
    const [event] = await buy('solo', 'lifetime_pro');
    expect(event).to.include({
      type: 'NON_RENEWING_PURCHASE',
      product_id: 'lifetime_pro',
      expiration_at_ms: null,
    });
    const sub = await subscriber('solo');
    expect(sub.non_subscriptions.lifetime_pro).to.have.length(1);
    expect(sub.entitlements.pro.expires_date).to.equal(null);
  });

  it('when renewed, then RENEWAL extends by one period from the current expiry', async () => {
    await buy();
    emulator.advance(29 * DAY);
    const [event] = await act('renew', { app_user_id: 'owner', product_id: 'team_pro_monthly' });
    expect(event).to.include({
      type: 'RENEWAL',
      purchased_at_ms: T0 + PERIOD,
      expiration_at_ms: T0 + 2 * PERIOD,
    });
    expect(event!.renewal_number).to.equal(2);
  });

  it('when the clock passes the expiry of a renewing subscription, then one RENEWAL per period is sent', async () => {
    await buy();
    const reply = await control(emulator, '/clock/advance', { days: 65 });
    expect(reply.body.events.map((e: WebhookEvent) => e.type)).to.deep.equal(['RENEWAL', 'RENEWAL']);
    const events = (await receiver.waitFor(3)).map((r) => r.body.event);
    expect(events[1]!.event_timestamp_ms).to.equal(T0 + PERIOD);
    expect(events[2]!.event_timestamp_ms).to.equal(T0 + 2 * PERIOD);
  });

  it('when cancelled, then CANCELLATION keeps access, and passing the expiry sends EXPIRATION', async () => {
    await buy();
    const [cancelled] = await act('cancel', { app_user_id: 'owner', product_id: 'team_pro_monthly' });
    expect(cancelled).to.include({ type: 'CANCELLATION', cancel_reason: 'UNSUBSCRIBE' });
    expect((await subscriber('owner')).subscriptions.team_pro_monthly.unsubscribe_detected_at).to.equal(
      '2030-01-01T00:00:00Z',
    );
    const [uncancelled] = await act('uncancel', { app_user_id: 'owner', product_id: 'team_pro_monthly' });
    expect(uncancelled!.type).to.equal('UNCANCELLATION');
    await act('cancel', { app_user_id: 'owner', product_id: 'team_pro_monthly', reason: 'PRICE_INCREASE' });
    await control(emulator, '/clock/advance', { days: 31 });
    const [, , , , expired] = (await receiver.waitFor(5)).map((r) => r.body.event);
    expect(expired).to.include({
      type: 'EXPIRATION',
      expiration_reason: 'UNSUBSCRIBE',
      event_timestamp_ms: T0 + PERIOD,
    });
    const sub = await subscriber('owner');
    expect(sub.entitlements.team_admin.expires_date).to.equal('2030-01-31T00:00:00Z');
  });

  it('when a billing issue comes with grace, then access lasts until the grace ends and EXPIRATION says BILLING_ERROR', async () => {
    await buy();
    emulator.advance(PERIOD - DAY);
    const [issue] = await act('billing_issue', {
      app_user_id: 'owner',
      product_id: 'team_pro_monthly',
      grace_period_ms: 3 * DAY,
    });
    expect(issue).to.include({ type: 'BILLING_ISSUE', grace_period_expiration_at_ms: T0 + PERIOD + 3 * DAY });
    const sub = await subscriber('owner');
    expect(sub.entitlements.team_admin).to.include({
      expires_date: '2030-02-03T00:00:00Z',
      grace_period_expires_date: '2030-02-03T00:00:00Z',
    });
    expect(sub.subscriptions.team_pro_monthly.billing_issues_detected_at).to.equal('2030-01-30T00:00:00Z');
    expect((await control(emulator, '/clock/advance', { days: 3 })).body.events).to.deep.equal([]);
    const advanced = await control(emulator, '/clock/advance', { days: 1 });
    expect(advanced.body.events[0]).to.include({ type: 'EXPIRATION', expiration_reason: 'BILLING_ERROR' });
  });

  it('when expired by the store, then EXPIRATION is sent now with the given reason', async () => {
    await buy();
    emulator.advance(DAY);
    const [event] = await act('expire', {
      app_user_id: 'owner',
      product_id: 'team_pro_monthly',
      reason: 'DEVELOPER_INITIATED',
    });
    expect(event).to.include({
      type: 'EXPIRATION',
      expiration_reason: 'DEVELOPER_INITIATED',
      expiration_at_ms: T0 + DAY,
    });
    expect((await subscriber('owner')).entitlements.team_admin.expires_date).to.equal('2030-01-02T00:00:00Z');
  });

  it('when the product changes now, then PRODUCT_CHANGE names the new product and the new one starts now', async () => {
    await buy();
    emulator.advance(DAY);
    const [event] = await act('product_change', {
      app_user_id: 'owner',
      product_id: 'team_pro_monthly',
      new_product_id: 'team_pro_yearly',
      timing: 'now',
    });
    expect(event).to.include({
      type: 'PRODUCT_CHANGE',
      product_id: 'team_pro_monthly',
      new_product_id: 'team_pro_yearly',
    });
    const sub = await subscriber('owner');
    expect(sub.subscriptions.team_pro_yearly.expires_date).to.equal('2031-01-02T00:00:00Z');
    expect(sub.subscriptions.team_pro_monthly.expires_date).to.equal('2030-01-02T00:00:00Z');
    expect(sub.entitlements.team_admin.product_identifier).to.equal('team_pro_yearly');
  });

  it('when the product changes at renewal, then the old one runs out and the renewal is of the new product', async () => {
    await buy();
    await act('product_change', {
      app_user_id: 'owner',
      product_id: 'team_pro_monthly',
      new_product_id: 'team_pro_yearly',
      timing: 'renewal',
    });
    expect((await subscriber('owner')).subscriptions).to.have.keys('team_pro_monthly');
    const advanced = await control(emulator, '/clock/advance', { days: 31 });
    expect(advanced.body.events[0]).to.include({
      type: 'RENEWAL',
      product_id: 'team_pro_yearly',
      purchased_at_ms: T0 + PERIOD,
    });
    const sub = await subscriber('owner');
    expect(sub.subscriptions.team_pro_yearly.expires_date).to.equal('2031-01-31T00:00:00Z');
  });

  it('when paused, then SUBSCRIPTION_PAUSED keeps access, the expiry says SUBSCRIPTION_PAUSED and the resume renews', async () => {
    await buy();
    const resumeAt = T0 + PERIOD + 10 * DAY;
    const [paused] = await act('pause', {
      app_user_id: 'owner',
      product_id: 'team_pro_monthly',
      resume_at_ms: resumeAt,
    });
    expect(paused).to.include({ type: 'SUBSCRIPTION_PAUSED', auto_resume_at_ms: resumeAt });
    expect((await subscriber('owner')).subscriptions.team_pro_monthly.auto_resume_date).to.equal(
      '2030-02-10T00:00:00Z',
    );
    const first = await control(emulator, '/clock/advance', { days: 31 });
    expect(first.body.events.map((e: WebhookEvent) => [e.type, e.expiration_reason])).to.deep.equal([
      ['EXPIRATION', 'SUBSCRIPTION_PAUSED'],
    ]);
    const second = await control(emulator, '/clock/advance', { days: 10 });
    expect(second.body.events[0]).to.include({ type: 'RENEWAL', purchased_at_ms: resumeAt });
  });

  it('when refunded, then CANCELLATION with CUSTOMER_SUPPORT and a negative price ends access now', async () => {
    await buy();
    emulator.advance(DAY);
    const [event] = await act('refund', { app_user_id: 'owner', product_id: 'team_pro_monthly' });
    expect(event).to.include({ type: 'CANCELLATION', cancel_reason: 'CUSTOMER_SUPPORT' });
    expect(event!.price).to.be.below(0);
    const sub = await subscriber('owner');
    expect(sub.subscriptions.team_pro_monthly.refunded_at).to.equal('2030-01-02T00:00:00Z');
    expect(sub.entitlements.team_admin.expires_date).to.equal('2030-01-02T00:00:00Z');
  });

  it('when purchases are transferred, then TRANSFER has no app_user_id and the entitlement moves', async () => {
    await buy('old-id');
    await call(emulator, 'GET', '/v1/subscribers/new-id');
    const [event] = await act('transfer', { from_app_user_id: 'old-id', to_app_user_id: 'new-id' });
    expect(event).to.not.have.property('app_user_id');
    expect(event).to.include({ type: 'TRANSFER', store: 'APP_STORE' });
    expect(event!.transferred_from).to.deep.equal(['old-id']);
    expect(event!.transferred_to).to.deep.equal(['new-id']);
    expect((await subscriber('new-id')).entitlements).to.have.key('team_admin');
    expect((await subscriber('old-id')).entitlements).to.deep.equal({});
  });

  it('when a subscription is family-shared, then the member gets INITIAL_PURCHASE with is_family_share and follows renewals', async () => {
    await buy();
    const [event] = await act('family_share', {
      app_user_id: 'owner',
      product_id: 'team_pro_monthly',
      member_app_user_id: 'kid',
    });
    expect(event).to.include({
      type: 'INITIAL_PURCHASE',
      app_user_id: 'kid',
      is_family_share: true,
      price: 0,
    });
    expect((await subscriber('kid')).subscriptions.team_pro_monthly.ownership_type).to.equal('FAMILY_SHARED');
    const renewals = await act('renew', { app_user_id: 'owner', product_id: 'team_pro_monthly' }, 2);
    expect(renewals.map((e) => [e.type, e.app_user_id])).to.have.deep.members([
      ['RENEWAL', 'owner'],
      ['RENEWAL', 'kid'],
    ]);
  });

  it('when a v1 grant and revoke happen, then they echo as PROMOTIONAL NON_RENEWING_PURCHASE and CANCELLATION', async () => {
    await call(emulator, 'POST', '/v1/subscribers/member/entitlements/pro/promotional', {
      end_time_ms: T0 + DAY,
    });
    await call(emulator, 'POST', '/v1/subscribers/member/entitlements/pro/revoke_promotionals');
    const [granted, revoked] = (await receiver.waitFor(2)).map((r) => r.body.event);
    for (const event of [granted, revoked]) {
      expect(event).to.include({ store: 'PROMOTIONAL', period_type: 'PROMOTIONAL', app_user_id: 'member' });
      expect(event).to.not.have.property('app_id');
      expect(event!.entitlement_ids).to.deep.equal(['pro']);
    }
    expect(granted!.type).to.equal('NON_RENEWING_PURCHASE');
    expect(granted!.expiration_at_ms).to.equal(T0 + DAY);
    expect(revoked!.type).to.equal('CANCELLATION');
  });

  it('when a grant runs out, then EXPIRATION is sent for the member with store PROMOTIONAL', async () => {
    await call(emulator, 'POST', '/v1/subscribers/member/entitlements/pro/promotional', {
      duration: 'daily',
    });
    const advanced = await control(emulator, '/clock/advance', { hours: 25 });
    expect(advanced.body.events[0]).to.include({
      type: 'EXPIRATION',
      store: 'PROMOTIONAL',
      event_timestamp_ms: T0 + DAY,
    });
  });

  describe('with a running clock', () => {
    it('when wall time passes a short period, then the sweep renews it and sends RENEWAL without any request', async () => {
      await emulator.stop();
      emulator = await startTestEmulator({
        clock: {},
        sweepIntervalMs: 25,
        webhooks: { urls: [receiver.url] },
      });
      await act('purchase', { app_user_id: 'live', product_id: 'pro_monthly', period_ms: 150 });
      const [, renewal] = (await receiver.waitFor(2, 3_000)).map((r) => r.body.event);
      expect(renewal).to.include({ type: 'RENEWAL', app_user_id: 'live' });
      expect(renewal!.event_timestamp_ms).to.equal(renewal!.purchased_at_ms as number);
    });
  });
});

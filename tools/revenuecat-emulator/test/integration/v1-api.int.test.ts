import { expect } from 'chai';
import type { Emulator } from '../../src';
import { AUTH, call, DAY, startTestEmulator, store, T0 } from '../support/harness';

const HOUR = 3_600_000;

describe('revenuecat-emulator REST v1', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(() => emulator.stop());

  const grant = (user: string, entitlement: string, body: unknown) =>
    call(
      emulator,
      'POST',
      `/v1/subscribers/${encodeURIComponent(user)}/entitlements/${entitlement}/promotional`,
      body,
    );
  const revoke = (user: string, entitlement: string) =>
    call(
      emulator,
      'POST',
      `/v1/subscribers/${encodeURIComponent(user)}/entitlements/${entitlement}/revoke_promotionals`,
    );
  const get = (user: string) => call(emulator, 'GET', `/v1/subscribers/${encodeURIComponent(user)}`);

  describe('GET /v1/subscribers/{id}', () => {
    it('when the customer is unknown, then it is created with 201, and the next read answers 200', async () => {
      const first = await get('alice');
      expect(first.status).to.equal(201);
      expect(first.body.subscriber.original_app_user_id).to.equal('alice');
      expect(first.body.subscriber.entitlements).to.deep.equal({});
      expect((await get('alice')).status).to.equal(200);
    });

    it('when the request has no key or a wrong key, then it answers 401 with a v1 error body', async () => {
      const attempts: Array<Record<string, string>> = [
        {},
        { authorization: 'Bearer wrong' },
        { authorization: 'sk_test_emulator' },
      ];
      for (const headers of attempts) {
        const reply = await call(emulator, 'GET', '/v1/subscribers/alice', undefined, headers);
        expect(reply.status).to.equal(401);
        expect(reply.body).to.deep.equal({ code: 7225, message: 'Invalid API key' });
      }
      expect(emulator.customers.get('alice')).to.equal(undefined);
    });

    it('when the id holds reserved characters, then the URL-encoded id is decoded and kept exactly', async () => {
      const id = '$RCAnonymousID:a/b c+d?e#f%g';
      const reply = await get(id);
      expect(reply.status).to.equal(201);
      expect(reply.body.subscriber.original_app_user_id).to.equal(id);
      expect(emulator.customers.get(id)).to.not.equal(undefined);
    });

    it('when the clock is advanced, then request_date follows the virtual clock', async () => {
      expect((await get('alice')).body).to.include({
        request_date: '2030-01-01T00:00:00Z',
        request_date_ms: T0,
      });
      emulator.advance(DAY + 1500);
      expect((await get('alice')).body).to.include({
        request_date: '2030-01-02T00:00:01Z',
        request_date_ms: T0 + DAY + 1500,
      });
    });

    it('when a path is unknown, then it answers 404 in the v1 error shape', async () => {
      const reply = await call(emulator, 'GET', '/v1/nothing-here');
      expect(reply.status).to.equal(404);
      expect(reply.body).to.have.keys('code', 'message');
    });
  });

  describe('POST .../promotional', () => {
    it('when end_time_ms is given, then the grant starts now, ends then, and answers 201 with the subscriber', async () => {
      const end = T0 + 10 * DAY;
      const reply = await grant('bob', 'pro', { end_time_ms: end });
      expect(reply.status).to.equal(201);
      expect(reply.body.subscriber.entitlements.pro).to.deep.equal({
        expires_date: '2030-01-11T00:00:00Z',
        grace_period_expires_date: null,
        product_identifier: 'rc_promo_pro_custom',
        purchase_date: '2030-01-01T00:00:00Z',
      });
      const promo = reply.body.subscriber.subscriptions.rc_promo_pro_custom;
      expect(promo).to.include({
        store: 'promotional',
        expires_date: '2030-01-11T00:00:00Z',
        is_sandbox: false,
      });
    });

    it('when the deprecated duration is given, then each value maps to its length and lifetime to null', async () => {
      const cases: [string, string | null][] = [
        ['daily', '2030-01-02T00:00:00Z'],
        ['three_day', '2030-01-04T00:00:00Z'],
        ['weekly', '2030-01-08T00:00:00Z'],
        ['two_week', '2030-01-15T00:00:00Z'],
        ['monthly', '2030-02-01T00:00:00Z'],
        ['two_month', '2030-03-01T00:00:00Z'],
        ['three_month', '2030-04-01T00:00:00Z'],
        ['six_month', '2030-07-01T00:00:00Z'],
        ['yearly', '2031-01-01T00:00:00Z'],
        ['lifetime', null],
      ];
      for (const [duration, expires] of cases) {
        const reply = await grant(`user-${duration}`, 'pro', { duration });
        expect(reply.status, duration).to.equal(201);
        expect(reply.body.subscriber.entitlements.pro.expires_date, duration).to.equal(expires);
        expect(reply.body.subscriber.subscriptions).to.have.key(`rc_promo_pro_${duration}`);
      }
    });

    it('when duration comes with start_time_ms, then the end counts from that start but access starts now', async () => {
      const reply = await grant('carol', 'pro', { duration: 'weekly', start_time_ms: T0 - 2 * DAY });
      expect(reply.body.subscriber.entitlements.pro.expires_date).to.equal('2030-01-06T00:00:00Z');
      expect(reply.body.subscriber.entitlements.pro.purchase_date).to.equal('2030-01-01T00:00:00Z');
    });

    it('when the body is missing or wrong, then it answers 400 naming the problem and grants nothing', async () => {
      const cases: [unknown, RegExp][] = [
        [{}, /end_time_ms or duration/],
        [{ end_time_ms: 'soon' }, /end_time_ms must be an integer/],
        [{ end_time_ms: T0 - 1 }, /in the future/],
        [{ duration: 'fortnight' }, /duration must be one of/],
      ];
      for (const [body, message] of cases) {
        const reply = await grant('dave', 'pro', body);
        expect(reply.status).to.equal(400);
        expect(reply.body.code).to.equal(7113);
        expect(reply.body.message).to.match(message);
      }
      expect(emulator.customers.get('dave')?.grants ?? []).to.have.length(0);
    });

    it('when the entitlement is not in the catalog, then it answers 404', async () => {
      const reply = await grant('erin', 'gold', { duration: 'daily' });
      expect(reply.status).to.equal(404);
      expect(reply.body.message).to.match(/gold/);
    });

    it('when a grant ends within 2 hours of the active promotional expiry, then the expiry does not move', async () => {
      await grant('frank', 'pro', { end_time_ms: T0 + 30 * DAY });
      const again = await grant('frank', 'pro', { end_time_ms: T0 + 30 * DAY + 2 * HOUR - 1000 });
      expect(again.status).to.equal(201);
      expect(again.body.subscriber.entitlements.pro.expires_date).to.equal('2030-01-31T00:00:00Z');
      const later = await grant('frank', 'pro', { end_time_ms: T0 + 30 * DAY + 3 * HOUR });
      expect(later.body.subscriber.entitlements.pro.expires_date).to.equal('2030-01-31T03:00:00Z');
    });

    it('when the previous grant already expired, then a grant near its old end does extend', async () => {
      await grant('gina', 'pro', { end_time_ms: T0 + DAY });
      emulator.advance(DAY + HOUR);
      const reply = await grant('gina', 'pro', { end_time_ms: T0 + DAY + 2 * HOUR });
      expect(reply.body.subscriber.entitlements.pro.expires_date).to.equal('2030-01-02T02:00:00Z');
    });
  });

  describe('POST .../revoke_promotionals', () => {
    it('when a user has several grants of an entitlement, then all of them end now and others stay', async () => {
      await grant('hank', 'pro', { end_time_ms: T0 + 5 * DAY });
      await grant('hank', 'pro', { duration: 'yearly' });
      await grant('hank', 'team_admin', { duration: 'weekly' });
      emulator.advance(HOUR);
      const reply = await revoke('hank', 'pro');
      expect(reply.status).to.equal(200);
      const { entitlements, subscriptions } = reply.body.subscriber;
      expect(entitlements.pro.expires_date).to.equal('2030-01-01T01:00:00Z');
      expect(subscriptions.rc_promo_pro_custom.expires_date).to.equal('2030-01-01T01:00:00Z');
      expect(subscriptions.rc_promo_pro_yearly.expires_date).to.equal('2030-01-01T01:00:00Z');
      expect(entitlements.team_admin.expires_date).to.equal('2030-01-08T00:00:00Z');
    });

    it('when revoked, then a new grant near the old end is not a duplicate any more', async () => {
      await grant('ivy', 'pro', { end_time_ms: T0 + 30 * DAY });
      await revoke('ivy', 'pro');
      const reply = await grant('ivy', 'pro', { end_time_ms: T0 + 30 * DAY + HOUR });
      expect(reply.body.subscriber.entitlements.pro.expires_date).to.equal('2030-01-31T01:00:00Z');
    });
  });

  describe('quirks', () => {
    it('when an entitlement expires, then it stays in the map with its past expiry', async () => {
      await grant('jane', 'pro', { duration: 'daily' });
      emulator.advance(3 * DAY);
      const { entitlements } = (await get('jane')).body.subscriber;
      expect(entitlements.pro.expires_date).to.equal('2030-01-02T00:00:00Z');
    });

    it('when two requests for one user overlap, then the second is refused with 429 and Retry-After', async () => {
      await emulator.stop();
      emulator = await startTestEmulator({ concurrency: { mode: 'refuse', holdMs: 300 } });
      const replies = await Promise.all([
        grant('kim', 'pro', { duration: 'daily' }),
        new Promise((r) => setTimeout(r, 50)).then(() => grant('kim', 'pro', { duration: 'daily' })),
      ]);
      expect(replies.map((r) => r.status).sort()).to.deep.equal([201, 429]);
      const refused = replies.find((r) => r.status === 429)!;
      expect(refused.headers.get('retry-after')).to.equal('1');
      expect(refused.body.message).to.match(/another request/);
      const other = await Promise.all([get('kim'), get('lou')]);
      expect(other.map((r) => r.status)).to.deep.equal([200, 201]);
    });

    it('when concurrency refusal is off, then overlapping requests for one user both succeed', async () => {
      await emulator.stop();
      emulator = await startTestEmulator({ concurrency: { mode: 'off', holdMs: 200 } });
      const replies = await Promise.all([get('max'), get('max')]);
      expect(replies.map((r) => r.status).sort()).to.deep.equal([200, 201]);
    });

    it('when a store purchase and a grant give one entitlement, then the later expiry wins', async () => {
      await store(emulator, 'purchase', { app_user_id: 'ned', product_id: 'pro_monthly' });
      const reply = await grant('ned', 'pro', { end_time_ms: T0 + 40 * DAY });
      expect(reply.body.subscriber.entitlements.pro.product_identifier).to.equal('rc_promo_pro_custom');
      expect(reply.body.subscriber.subscriptions).to.have.keys('pro_monthly', 'rc_promo_pro_custom');
      const after = await call(
        emulator,
        'POST',
        '/v1/subscribers/ned/entitlements/pro/revoke_promotionals',
        undefined,
        AUTH,
      );
      expect(after.body.subscriber.entitlements.pro.product_identifier).to.equal('pro_monthly');
      expect(after.body.subscriber.entitlements.pro.expires_date).to.equal('2030-01-31T00:00:00Z');
    });
  });
});

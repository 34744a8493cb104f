import { expect } from 'chai';
import type { Emulator, WebhookEvent } from '../../src';
import {
  call,
  control,
  DAY,
  startReceiver,
  startTestEmulator,
  store,
  T0,
  type Receiver,
  actAndReceive,
} from '../support/harness';

describe('revenuecat-emulator control API', () => {
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
  const buy = (user = 'owner', product = 'team_pro_monthly', extra = {}) =>
    act('purchase', { app_user_id: user, product_id: product, ...extra });

  describe('bad input', () => {
    const cases: [string, string, unknown, number, RegExp][] = [
      [
        'an unknown product',
        'purchase',
        { app_user_id: 'u', product_id: 'nope' },
        400,
        /unknown product "nope"/,
      ],
      [
        'a negative period',
        'purchase',
        { app_user_id: 'u', product_id: 'pro_monthly', period_ms: -5 },
        400,
        /period_ms/,
      ],
      ['a missing user', 'purchase', { product_id: 'pro_monthly' }, 400, /app_user_id/],
      ['an unknown field', 'renew', { app_user_id: 'u', product_id: 'p', extra: 1 }, 400, /extra/],
      [
        'an unknown user for transfer',
        'transfer',
        { from_app_user_id: 'ghost', to_app_user_id: 'x' },
        404,
        /ghost/,
      ],
      ['an unknown action', 'teleport', {}, 404, /unknown store action/],
      [
        'a renewal without subscription',
        'renew',
        { app_user_id: 'ghost', product_id: 'pro_monthly' },
        404,
        /ghost/,
      ],
    ];
    for (const [what, action, body, status, message] of cases) {
      it(`when the control API gets ${what}, then it answers ${status} problem+json and sends nothing`, async () => {
        const reply = await store(emulator, action, body);
        expect(reply.status).to.equal(status);
        expect(reply.headers.get('content-type')).to.match(/application\/problem\+json/);
        expect(reply.body.detail).to.match(message);
        expect(emulator.webhooks.deliveries()).to.have.length(0);
      });
    }

    it('when a second purchase of an active subscription is asked for, then it answers 409', async () => {
      await buy();
      const reply = await store(emulator, 'purchase', {
        app_user_id: 'owner',
        product_id: 'team_pro_monthly',
      });
      expect(reply.status).to.equal(409);
      expect(reply.body.title).to.equal('ALREADY_SUBSCRIBED');
    });
  });

  describe('inspection', () => {
    it('when webhooks were sent, then the control API lists them with their attempts and filters by type and user', async () => {
      await buy();
      await act('cancel', { app_user_id: 'owner', product_id: 'team_pro_monthly' });
      const all = await call(emulator, 'GET', '/_emulator/webhooks', undefined, {});
      expect(all.body.deliveries).to.have.length(2);
      expect(all.body.deliveries[0]).to.include({
        state: 'delivered',
        eventType: 'INITIAL_PURCHASE',
        url: receiver.url,
      });
      expect(all.body.deliveries[0].attempts[0]).to.include({ number: 1, status: 200, error: null });
      const filtered = await call(
        emulator,
        'GET',
        '/_emulator/webhooks?type=CANCELLATION&app_user_id=owner',
        undefined,
        {},
      );
      expect(filtered.body.deliveries.map((d: { event: WebhookEvent }) => d.event.type)).to.deep.equal([
        'CANCELLATION',
      ]);
    });

    it("when a user's grants are asked for, then active and past grants are listed", async () => {
      await call(emulator, 'POST', '/v1/subscribers/g/entitlements/pro/promotional', { duration: 'daily' });
      await call(emulator, 'POST', '/v1/subscribers/g/entitlements/team_admin/promotional', {
        duration: 'weekly',
      });
      emulator.advance(2 * DAY);
      const reply = await call(emulator, 'GET', '/_emulator/customers/g/grants', undefined, {});
      expect(reply.body.grants).to.have.length(2);
      expect(reply.body.active.map((g: { entitlement: string }) => g.entitlement)).to.deep.equal([
        'team_admin',
      ]);
    });

    it('when the clock is read, set and advanced, then it only moves forward', async () => {
      expect((await call(emulator, 'GET', '/_emulator/clock', undefined, {})).body).to.deep.equal({
        now_ms: T0,
        now: '2030-01-01T00:00:00Z',
      });
      expect((await control(emulator, '/clock/advance', { minutes: 90 })).body.now_ms).to.equal(
        T0 + 5_400_000,
      );
      expect((await control(emulator, '/clock/set', { now_ms: T0 + DAY })).body.now_ms).to.equal(T0 + DAY);
      expect((await control(emulator, '/clock/set', { now_ms: T0 })).status).to.equal(400);
      expect((await control(emulator, '/clock/advance', { days: -1 })).status).to.equal(400);
    });

    it('when reset, then customers, webhooks and the clock start over', async () => {
      await buy();
      emulator.advance(DAY);
      const reply = await control(emulator, '/reset');
      expect(reply.body).to.include({ reset: true, now_ms: T0 });
      expect(emulator.customers.all()).to.have.length(0);
      expect(emulator.webhooks.deliveries()).to.have.length(0);
    });

    it('when a TEST event is asked for, then it is sent like any other webhook', async () => {
      const reply = await control(emulator, '/webhooks/test');
      expect(reply.status).to.equal(201);
      const [received] = await receiver.waitFor(1);
      expect(received!.body.event.type).to.equal('TEST');
    });
  });
});

import { expect } from 'chai';
import type { Emulator } from '../../src';
import { call, control, startReceiver, startTestEmulator, store, type Receiver } from '../support/harness';

/** 0.0002 turns RevenueCat's 5/10/20/40/80 minutes into 60/120/240/480/960 ms. */
const SCALE = 0.0002;
const SCHEDULE_MS = [5, 10, 20, 40, 80].map((minutes) => minutes * 60_000 * SCALE);

describe('revenuecat-emulator webhook delivery', () => {
  let emulator: Emulator | undefined;
  const receivers: Receiver[] = [];
  const receiver = async (respond?: Parameters<typeof startReceiver>[0]) => {
    const started = await startReceiver(respond);
    receivers.push(started);
    return started;
  };
  afterEach(async () => {
    await emulator?.stop();
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
  });
  const purchase = (user = 'owner') =>
    store(emulator!, 'purchase', { app_user_id: user, product_id: 'team_pro_monthly' });

  it('when the receiver keeps failing, then it is retried 5 times on the scaled 5/10/20/40/80 schedule with the same body', async () => {
    const failing = await receiver(() => 500);
    emulator = await startTestEmulator({ webhooks: { urls: [failing.url], retryScale: SCALE } });
    await purchase();
    const received = await failing.waitFor(6, 10_000);
    const gaps = received.slice(1).map((r, i) => r.at - received[i]!.at);
    gaps.forEach((gap, i) => {
      expect(gap, `gap ${i + 1}`).to.be.at.least(SCHEDULE_MS[i]! - 5);
      expect(gap, `gap ${i + 1}`).to.be.below(SCHEDULE_MS[i]! * 1.5 + 400);
    });
    const ids = new Set(received.map((r) => r.body.event.id));
    const timestamps = new Set(received.map((r) => r.body.event.event_timestamp_ms));
    expect(ids.size).to.equal(1);
    expect(timestamps.size).to.equal(1);
    const [delivery] = await emulator.webhooks.waitFor((d) => d[0]?.state === 'failed');
    expect(delivery!.attempts.map((a) => a.status)).to.deep.equal([500, 500, 500, 500, 500, 500]);
    await new Promise((r) => setTimeout(r, SCHEDULE_MS[4]! + 200));
    expect(failing.received).to.have.length(6);
  });

  it('when the receiver answers 201 or 204, then that is a failure and only a later 200 counts', async () => {
    const picky = await receiver((n) => (n === 1 ? 201 : n === 2 ? 204 : 200));
    emulator = await startTestEmulator({ webhooks: { urls: [picky.url], retryScale: SCALE } });
    await purchase();
    const [delivery] = await emulator.webhooks.waitFor((d) => d[0]?.state === 'delivered');
    expect(delivery!.attempts.map((a) => a.status)).to.deep.equal([201, 204, 200]);
  });

  it('when the receiver does not answer within the timeout, then the attempt fails and is retried', async () => {
    const slow = await receiver((n) => (n === 1 ? 'hang' : 200));
    emulator = await startTestEmulator({ webhooks: { urls: [slow.url], retryScale: SCALE, timeoutMs: 150 } });
    await purchase();
    const [delivery] = await emulator.webhooks.waitFor((d) => d[0]?.state === 'delivered');
    expect(delivery!.attempts[0]!.status).to.equal(null);
    expect(delivery!.attempts[0]!.error).to.match(/TimeoutError|abort/i);
    expect(delivery!.attempts[0]!.durationMs).to.be.at.least(140);
    expect(delivery!.attempts[1]!.status).to.equal(200);
  });

  it('when nothing listens at the URL, then the connection error is recorded and retried', async () => {
    const gone = await receiver();
    const url = gone.url;
    await gone.stop();
    emulator = await startTestEmulator({ webhooks: { urls: [url], retryScale: SCALE } });
    await purchase();
    const [delivery] = await emulator.webhooks.waitFor((d) => (d[0]?.attempts.length ?? 0) >= 2);
    expect(delivery!.attempts[0]!.error).to.match(/fetch failed|ECONNREFUSED/);
    expect(delivery!.state).to.equal('pending');
  });

  it('when several URLs are configured, then each gets every event with the Authorization value', async () => {
    const [a, b] = [await receiver(), await receiver()];
    emulator = await startTestEmulator({ webhooks: { urls: [a.url, b.url], authorization: 'secret-value' } });
    await purchase();
    const [[fromA], [fromB]] = await Promise.all([a.waitFor(1), b.waitFor(1)]);
    expect(fromA!.body.event.id).to.equal(fromB!.body.event.id);
    expect([fromA!.headers.authorization, fromB!.headers.authorization]).to.deep.equal([
      'secret-value',
      'secret-value',
    ]);
  });

  it('when no Authorization value is configured, then no Authorization header is sent', async () => {
    const plain = await receiver();
    emulator = await startTestEmulator({ webhooks: { urls: [plain.url] } });
    await purchase();
    const [received] = await plain.waitFor(1);
    expect(received!.headers).to.not.have.property('authorization');
  });

  it('when duplication is on, then each event arrives twice with the same id', async () => {
    const target = await receiver();
    emulator = await startTestEmulator({ webhooks: { urls: [target.url], duplicateRate: 1 } });
    await purchase('a');
    await purchase('b');
    const received = await target.waitFor(4);
    const ids = received.map((r) => r.body.event.id);
    expect(new Set(ids).size).to.equal(2);
    expect(emulator.webhooks.deliveries().filter((d) => d.duplicate)).to.have.length(2);
  });

  it('when dropping is on, then events are recorded as dropped and never sent', async () => {
    const target = await receiver();
    emulator = await startTestEmulator({ webhooks: { urls: [target.url], dropRate: 1 } });
    await purchase();
    await new Promise((r) => setTimeout(r, 200));
    expect(target.received).to.have.length(0);
    expect(emulator.webhooks.deliveries().map((d) => d.state)).to.deep.equal(['dropped']);
  });

  it('when reordering is on, then events produced together arrive in another order', async () => {
    const target = await receiver();
    emulator = await startTestEmulator({ webhooks: { urls: [target.url], reorderWindowMs: 50 } });
    await purchase();
    const advanced = await control(emulator, '/clock/advance', { days: 125 });
    const produced = advanced.body.events.map((e: { id: string }) => e.id);
    expect(produced).to.have.length(4);
    await target.waitFor(5);
    const sent = emulator.webhooks
      .deliveries()
      .filter((d) => d.eventType === 'RENEWAL')
      .map((d) => d.eventId);
    const arrived = target
      .events()
      .filter((e) => e.type === 'RENEWAL')
      .map((e) => e.id);
    expect(arrived).to.have.members(produced);
    expect(sent).to.have.members(produced);
    expect(sent).to.not.deep.equal(produced);
  });

  it('when the delivery options change at run time, then later events follow them', async () => {
    const [first, second] = [await receiver(), await receiver()];
    emulator = await startTestEmulator({ webhooks: { urls: [first.url] } });
    const reply = await call(
      emulator,
      'PUT',
      '/_emulator/webhooks/config',
      { urls: [second.url], authorization: 'x' },
      {},
    );
    expect(reply.body).to.include({ authorization: 'x' });
    await purchase();
    await second.waitFor(1);
    expect(first.received).to.have.length(0);
    const bad = await call(emulator, 'PUT', '/_emulator/webhooks/config', { drop_rate: 2 }, {});
    expect(bad.status).to.equal(400);
    expect(bad.body.detail).to.match(/drop_rate/);
  });

  it('when an event is re-sent by hand, then it goes out again with the same id', async () => {
    const target = await receiver();
    emulator = await startTestEmulator({ webhooks: { urls: [target.url] } });
    const bought = await purchase();
    const id = bought.body.events[0].id as string;
    await target.waitFor(1);
    expect((await control(emulator, `/webhooks/${id}/resend`)).status).to.equal(201);
    const [a, b] = await target.waitFor(2);
    expect(b!.body).to.deep.equal(a!.body);
    expect((await control(emulator, '/webhooks/unknown/resend')).status).to.equal(404);
  });

  it('when reset while retries are pending, then no further attempts are made', async () => {
    const failing = await receiver(() => 503);
    emulator = await startTestEmulator({ webhooks: { urls: [failing.url], retryScale: SCALE } });
    await purchase();
    await failing.waitFor(1);
    emulator.reset();
    await new Promise((r) => setTimeout(r, SCHEDULE_MS[0]! + 150));
    expect(failing.received).to.have.length(1);
    expect(emulator.webhooks.deliveries()).to.have.length(0);
  });
});

import { expect } from 'chai';
import { consumeMessages, waitFor } from '@teamseat/testing';
import { decodeEntitlementChange } from '@teamseat/contracts';
import { call, startHarness, type Harness } from '../support/service-harness';

interface CheckAccess {
  active: boolean;
  lifetime: boolean;
  source: { kind: string };
}

describe('webhook consumer (Kafka, database and the emulator; no team products involved)', function () {
  this.timeout(90_000);
  let h: Harness;
  let n = 0;
  const user = () => `wh-user-${Date.now()}-${++n}`;

  beforeEach(async () => {
    h = await startHarness({
      emulator: { clock: { startMs: Date.UTC(2031, 0, 1) } },
      env: { REVENUECAT_MAX_INLINE_WAIT_MS: '200' },
    });
  });
  afterEach(async () => h.stop());

  async function changesFor(userId: string, count: number) {
    const messages = await consumeMessages(h.config.KAFKA_BROKERS, h.topics.changes, {
      count,
      timeoutMs: 20_000,
    });
    return messages
      .map((m) => decodeEntitlementChange(m.value ?? ''))
      .filter((c) => c.data.userId === userId);
  }

  it('when a personal purchase webhook arrives, then one change is published and CheckAccess answers active', async () => {
    const id = user();
    const events = h.emulator.service.storeAction('purchase', { appUserId: id, productId: 'pro_monthly' });
    await h.deliver(events);
    const changes = await changesFor(id, 1);
    expect(changes).to.have.length(1);
    expect(changes[0]!.data).to.include({ entitlement: 'pro', active: true, cause: 'webhook' });
    expect(changes[0]!.data.source.kind).to.equal('store');
    expect(changes[0]!.data.causationId).to.equal(events[0]!.id);
    const access = await call<CheckAccess>(h.client, 'CheckAccess', { userId: id, entitlement: 'pro' });
    expect(access).to.include({ active: true, lifetime: false });
    expect(access.source.kind).to.equal('SOURCE_KIND_STORE');
  });

  it('when the same webhook is delivered three times, then the change is published once', async () => {
    const id = user();
    const events = h.emulator.service.storeAction('purchase', { appUserId: id, productId: 'pro_monthly' });
    await h.deliver([...events, ...events, ...events]);
    await waitFor(
      async () =>
        (await call<CheckAccess>(h.client, 'CheckAccess', { userId: id, entitlement: 'pro' })).active,
      {
        timeoutMs: 15_000,
      },
    );
    const messages = await consumeMessages(h.config.KAFKA_BROKERS, h.topics.changes, {
      quietMs: 1_500,
      timeoutMs: 20_000,
    });
    expect(messages.filter((m) => m.key === id)).to.have.length(1);
  });

  it('when a record cannot be parsed, then it goes to the dead-letter topic with the reason and later records still flow', async () => {
    await h.producer.send(h.topics.webhooks, { key: 'x', value: '{"event": {"type": "RENEWAL"}}' });
    const id = user();
    await h.deliver(h.emulator.service.storeAction('purchase', { appUserId: id, productId: 'pro_monthly' }));
    const dead = await consumeMessages(h.config.KAFKA_BROKERS, `${h.topics.webhooks}.dlq`, {
      count: 1,
      timeoutMs: 20_000,
    });
    expect(dead[0]!.headers['error-code']).to.equal('INVALID_WEBHOOK');
    expect(dead[0]!.headers['error-message']).to.contain('event.id');
    await waitFor(
      async () =>
        (await call<CheckAccess>(h.client, 'CheckAccess', { userId: id, entitlement: 'pro' })).active,
      {
        timeoutMs: 15_000,
      },
    );
  });

  it('when RevenueCat is down for a while, then the webhook waits (partition paused), is not dead-lettered and lands after recovery', async () => {
    const id = user();
    const events = h.emulator.service.storeAction('purchase', { appUserId: id, productId: 'pro_monthly' });
    h.emulator.faults.set({ outageUntilMs: Date.now() + 3_000 });
    await h.deliver(events);
    await waitFor(() => h.service.internals.pausedPartitions() > 0, { timeoutMs: 10_000 });
    await waitFor(
      async () =>
        (await call<CheckAccess>(h.client, 'CheckAccess', { userId: id, entitlement: 'pro' })).active,
      {
        timeoutMs: 30_000,
      },
    );
    const dead = await consumeMessages(h.config.KAFKA_BROKERS, `${h.topics.webhooks}.dlq`, {
      quietMs: 1_000,
      timeoutMs: 10_000,
    }).catch(() => []);
    expect(dead).to.have.length(0);
  });
});

import { expect } from 'chai';
import { consumeMessages, waitFor } from '@teamseat/testing';
import { call, startHarness, type Harness } from '../support/service-harness';

interface CheckAccess {
  active: boolean;
}

describe('webhook consumer: a webhook failing past the parking bound (Kafka, database, emulator)', function () {
  this.timeout(90_000);
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness({
      emulator: { clock: { startMs: Date.UTC(2031, 0, 1) } },
      env: {
        REVENUECAT_MAX_INLINE_WAIT_MS: '200',
        RETRY_PARK_AFTER_MS: '1500',
        PARKED_RETRY_INITIAL_MS: '500',
        PARKED_RETRY_MAX_MS: '2000',
      },
    });
  });
  afterEach(async () => h.stop());

  it('when RevenueCat stays down past the bound, then the webhook is parked with its headers and lands from the parking topic after recovery, never dead-lettered', async () => {
    const id = `parked-user-${Date.now()}`;
    const events = h.emulator.service.storeAction('purchase', { appUserId: id, productId: 'pro_monthly' });
    h.emulator.faults.set({ outageUntilMs: Date.now() + 6_000 });
    await h.deliver(events);

    const [parked] = await consumeMessages(h.config.KAFKA_BROKERS, `${h.topics.webhooks}.parked`, {
      count: 1,
      timeoutMs: 20_000,
    });
    expect(parked!.key).to.equal(id);
    expect(parked!.headers).to.include({
      'rc-event-id': events[0]!.id,
      'original-topic': h.topics.webhooks,
      'parked-group': `${h.config.CONSUMER_GROUP_ID}.webhooks`,
    });
    const metrics = await h.service.registry.metrics();
    expect(metrics).to.match(
      new RegExp(`entitlement_messages_parked_total\\{[^}]*topic="${h.topics.webhooks}"[^}]*\\} 1`),
    );

    await waitFor(
      async () =>
        (await call<CheckAccess>(h.client, 'CheckAccess', { userId: id, entitlement: 'pro' })).active,
      { timeoutMs: 40_000, description: 'access from the parked webhook' },
    );
    const dead = await consumeMessages(h.config.KAFKA_BROKERS, `${h.topics.webhooks}.dlq`, {
      quietMs: 1_000,
    });
    expect(dead).to.have.length(0);
  });
});

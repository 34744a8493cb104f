import { expect } from 'chai';
import { createLogger } from '@teamseat/logger';
import { createMetricsRegistry } from '@teamseat/metrics';
import { startEmulator, type Emulator } from '@teamseat/revenuecat-emulator';
import { AppError } from '@teamseat/errors';
import { HOUR_MS, DAY_MS, promotionalExpiry } from '../../src/domain';
import { createRevenueCat, type RevenueCatSettings } from '../../src/adapters/revenuecat';

const logger = createLogger({ service: 'test', level: 'silent' });
const START = Date.UTC(2030, 0, 1);
let counter = 0;
const user = () => `user-${process.pid}-${Date.now()}-${++counter}`;

async function metricValue(
  registry: ReturnType<typeof createMetricsRegistry>,
  name: string,
  labels: Record<string, string> = {},
) {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  const values = (metric?.values ?? []) as Array<{ labels: Record<string, string | number>; value: number }>;
  return values
    .filter((v) => Object.entries(labels).every(([key, value]) => v.labels[key] === value))
    .reduce((sum, v) => sum + v.value, 0);
}

describe('RevenueCat client against the emulator', function () {
  this.timeout(30_000);
  let emulator: Emulator;
  const stops: Array<() => Promise<void>> = [];

  function client(overrides: Partial<RevenueCatSettings> = {}) {
    const registry = createMetricsRegistry('test');
    const revenuecat = createRevenueCat({
      settings: {
        baseUrl: emulator.url,
        apiKey: 'sk_test_emulator',
        apiVersion: 'v1',
        projectId: 'projemulator',
        ratePerSecond: 1_000,
        timeoutMs: 2_000,
        retry: { baseDelayMs: 20, maxDelayMs: 100 },
        ...overrides,
      },
      logger,
      registry,
      now: Date.now,
    });
    stops.push(revenuecat.stop);
    return { ...revenuecat, registry };
  }

  beforeEach(async () => {
    emulator = await startEmulator({ clock: { startMs: START }, seed: 7 });
  });

  afterEach(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
    await emulator.stop();
  });

  it('when a customer is read, then the snapshot is parsed and the client learns RevenueCat time', async () => {
    const { client: rc } = client();
    const id = user();
    emulator.service.storeAction('purchase', { appUserId: id, productId: 'team_pro_monthly' });
    const subscriber = await rc.getSubscriber(id);
    expect(subscriber.appUserId).to.equal(id);
    expect(subscriber.subscriptions.map((s) => s.productId)).to.include('team_pro_monthly');
    expect(subscriber.entitlements.map((e) => e.id)).to.include('team_admin');
    expect(Math.abs(rc.clock.now() - emulator.clock.now())).to.be.below(1_000);
  });

  for (const apiVersion of ['v1', 'v2'] as const) {
    it(`when a grant until a time is made and then revoked (API ${apiVersion}), then RevenueCat reports both`, async () => {
      const { client: rc } = client({ apiVersion });
      const id = user();
      const until = emulator.clock.now() + 30 * DAY_MS;
      const granted = await rc.grant(id, 'pro', until);
      expect(Math.abs((promotionalExpiry(granted, 'pro') ?? 0) - until)).to.be.below(1_000);
      const revoked = await rc.revoke(id, 'pro');
      expect(promotionalExpiry(revoked, 'pro')).to.be.at.most(revoked.requestDateMs);
    });
  }

  it('when a grant ends within two hours of the active one, then RevenueCat does not extend it', async () => {
    const { client: rc } = client();
    const id = user();
    const first = emulator.clock.now() + 10 * DAY_MS;
    await rc.grant(id, 'pro', first);
    const after = await rc.grant(id, 'pro', first + HOUR_MS);
    expect(Math.abs((promotionalExpiry(after, 'pro') ?? 0) - first)).to.be.below(1_000);
  });

  it('when RevenueCat answers 429 with Retry-After, then the call waits that long and succeeds', async () => {
    const { client: rc, registry } = client();
    emulator.faults.set({ forced429: 2, retryAfterSeconds: 1 });
    const started = Date.now();
    await rc.getSubscriber(user());
    expect(Date.now() - started).to.be.at.least(900);
    expect(await metricValue(registry, 'revenuecat_calls_total', { outcome: '429' })).to.equal(2);
    expect(await metricValue(registry, 'revenuecat_retries_total')).to.equal(2);
  });

  it('when RevenueCat fails with 5xx a few times, then bounded retries get through', async () => {
    const { client: rc, registry } = client({
      retry: { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 20 },
      breaker: { errorThresholdPercentage: 95 },
    });
    emulator.faults.set({ errorRate: 0.5, errorStatus: 503 });
    for (let i = 0; i < 5; i += 1) await rc.getSubscriber(user());
    expect(
      (await metricValue(registry, 'revenuecat_calls_total', { outcome: '200' })) +
        (await metricValue(registry, 'revenuecat_calls_total', { outcome: '201' })),
    ).to.equal(5);
  });

  it('when a call hangs, then it times out, is retried a bounded number of times and fails retriable', async () => {
    const { client: rc, registry } = client({ timeoutMs: 150, retry: { maxAttempts: 2, baseDelayMs: 5 } });
    emulator.faults.set({ hangRate: 1 });
    const error = await rc.getSubscriber(user()).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(AppError);
    expect(error).to.include({ retriable: true, reason: 'REVENUECAT_UNAVAILABLE' });
    expect(await metricValue(registry, 'revenuecat_calls_total', { outcome: 'timeout' })).to.equal(2);
  });

  it('when RevenueCat is down, then the breaker opens and later calls fail fast without reaching it', async () => {
    const { client: rc, registry } = client({
      retry: { maxAttempts: 1 },
      breaker: { volumeThreshold: 4, resetTimeoutMs: 500, errorThresholdPercentage: 50 },
    });
    emulator.faults.set({ outageUntilMs: Date.now() + 60_000 });
    for (let i = 0; i < 4; i += 1) await rc.getSubscriber(user()).catch(() => undefined);
    expect(rc.breakerState()).to.equal('open');
    const before = await metricValue(registry, 'revenuecat_calls_total');
    const error = (await rc.getSubscriber(user()).catch((e: unknown) => e)) as AppError;
    expect(error.retriable).to.equal(true);
    expect(error.details.retryAfterMs).to.be.a('number').above(0);
    expect(await metricValue(registry, 'revenuecat_calls_total')).to.equal(before);
    expect(await metricValue(registry, 'revenuecat_breaker_state')).to.equal(2);

    emulator.faults.clear();
    await new Promise((resolve) => setTimeout(resolve, 600));
    await rc.getSubscriber(user());
    expect(rc.breakerState()).to.equal('closed');
  });

  it("when RevenueCat rejects calls as the caller's fault, then they are not retried and the breaker stays closed", async () => {
    const { client: rc, registry } = client({ breaker: { volumeThreshold: 2 } });
    for (let i = 0; i < 6; i += 1) {
      const error = (await rc
        .grant(user(), 'no_such_entitlement', Date.now() + DAY_MS)
        .catch((e: unknown) => e)) as AppError;
      expect(error).to.include({ retriable: false, reason: 'REVENUECAT_REJECTED' });
    }
    expect(rc.breakerState()).to.equal('closed');
    expect(await metricValue(registry, 'revenuecat_retries_total')).to.equal(0);
  });

  it('when many calls are made, then they start no faster than the configured rate', async () => {
    const { client: rc } = client({ ratePerSecond: 20 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 21 }, () => rc.getSubscriber(user())));
    expect(Date.now() - started).to.be.at.least(950);
  });

  it('when calls for one user overlap, then they are serialised and RevenueCat never refuses them', async () => {
    await emulator.stop();
    emulator = await startEmulator({
      clock: { startMs: START },
      concurrency: { mode: 'refuse', holdMs: 30 },
    });
    const { client: rc, registry } = client();
    const id = user();
    const until = emulator.clock.now() + 30 * DAY_MS;
    await Promise.all([
      rc.getSubscriber(id),
      rc.grant(id, 'pro', until),
      rc.getSubscriber(id),
      rc.revoke(id, 'pro'),
    ]);
    expect(await metricValue(registry, 'revenuecat_calls_total', { outcome: '429' })).to.equal(0);
  });
});

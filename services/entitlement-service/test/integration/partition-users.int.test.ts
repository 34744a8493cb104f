import { expect } from 'chai';
import { waitFor } from '@teamseat/testing';
import { call, startHarness, type Harness } from '../support/service-harness';

interface CheckAccess {
  active: boolean;
}

const OTHERS = 12;

describe('webhook consumer: the users of one partition (Kafka, database, emulator; ADR 0027)', function () {
  this.timeout(90_000);
  let h: Harness;

  // The parking bound stays at its default (15 min): only handling other users at once lets them through.
  beforeEach(async () => {
    h = await startHarness({ emulator: { clock: { startMs: Date.UTC(2031, 0, 1) } } });
  });
  afterEach(async () => h.stop());

  const hasPro = async (userId: string) =>
    (await call<CheckAccess>(h.client, 'CheckAccess', { userId, entitlement: 'pro' })).active;

  it("when RevenueCat fails every call about one user, then the other users of that user's partition get their purchases meanwhile, and the held one lands once RevenueCat serves it", async () => {
    const stamp = Date.now();
    const broken = `broken-${stamp}`;
    const others = Array.from({ length: OTHERS }, (_, i) => `other-${i}-${stamp}`);
    h.emulator.faults.targetUser(broken, { status: 500, untilMs: null, retryAfterSeconds: 1 });
    const purchase = (appUserId: string) =>
      h.emulator.service.storeAction('purchase', { appUserId, productId: 'pro_monthly' });
    await h.deliver([...purchase(broken), ...others.flatMap(purchase)], { partition: 0 });

    await waitFor(async () => (await Promise.all(others.map(hasPro))).every(Boolean), {
      timeoutMs: 40_000,
      description: 'the other users of the partition granted while one is failing',
    });
    expect(await hasPro(broken)).to.equal(false);

    h.emulator.faults.clearUser(broken);
    await waitFor(() => hasPro(broken), { timeoutMs: 30_000, description: 'the held webhook handled' });
  });
});

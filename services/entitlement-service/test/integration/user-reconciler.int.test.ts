import { expect } from 'chai';
import { AppError } from '@teamseat/errors';
import { createMetricsRegistry } from '@teamseat/metrics';
import { startEmulator, type Emulator } from '@teamseat/revenuecat-emulator';
import { createCustomerRepository } from '../../src/adapters/database/customer-repository';
import { createRetryQueueRepository } from '../../src/adapters/database/retry-queue-repository';
import { DAY_MS, HOUR_MS } from '../../src/domain';
import { createRevenueCat } from '../../src/adapters/revenuecat';
import { createAccessCache, createUserReconciler } from '../../src/application';
import { createUserLocks } from '../../src/application/user-locks';
import { freshDatabase } from '../support/infrastructure';
import { createTermsFactory } from '../support/team-terms';
import { CATALOG_FILE, RC_KEY, testLogger } from '../support/service-harness';

const START = Date.UTC(2032, 0, 1);

describe('user reconciler (emulator and database; team terms as facts give them)', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let stopRc: () => Promise<void>;
  const terms = createTermsFactory();
  let n = 0;
  const user = () => `rec-user-${Date.now()}-${++n}`;

  async function setUp(
    emulatorOptions: Parameters<typeof startEmulator>[0] = {},
    apiVersion: 'v1' | 'v2' = 'v1',
  ) {
    emulator = await startEmulator({
      catalogFile: CATALOG_FILE,
      apiKeys: [RC_KEY],
      clock: { startMs: START },
      ...emulatorOptions,
    });
    db = await freshDatabase();
    const logger = testLogger();
    const registry = createMetricsRegistry('test');
    const revenuecat = createRevenueCat({
      settings: {
        baseUrl: emulator.url,
        apiKey: RC_KEY,
        apiVersion,
        projectId: 'projemulator',
        ratePerSecond: 500,
        timeoutMs: 2_000,
        retry: { maxAttempts: 2, baseDelayMs: 10, maxInlineWaitMs: 100 },
      },
      logger,
      registry,
      now: Date.now,
    });
    stopRc = revenuecat.stop;
    const customers = createCustomerRepository(db.connection, { now: Date.now });
    const retries = createRetryQueueRepository(db.connection);
    await customers.ensureIndexes();
    const published: unknown[] = [];
    const reconciler = createUserReconciler({
      revenuecat: revenuecat.client,
      customers,
      retries,
      publisher: { publish: async (facts) => void published.push(...facts) },
      products: [],
      cache: createAccessCache({ now: Date.now }),
      locks: createUserLocks(),
      defaultBufferMs: DAY_MS,
      logger,
      now: Date.now,
    });
    await revenuecat.client.getSubscriber('clock-probe');
    return { reconciler, customers, retries, revenuecat, registry, published };
  }

  afterEach(async () => {
    await stopRc();
    await db.close();
    await emulator.stop();
  });

  async function rcPromo(emulatorRef: Emulator, userId: string) {
    const body = emulatorRef.service.subscriber(userId) as {
      subscriber: { subscriptions: Record<string, { expires_date: string | null; store: string }> };
    };
    const promos = Object.entries(body.subscriber.subscriptions).filter(([key]) =>
      key.startsWith('rc_promo_pro_'),
    );
    return Math.max(
      ...promos.map(([, s]) => (s.expires_date === null ? Infinity : Date.parse(s.expires_date))),
    );
  }

  it("when a user in two teams leaves the one that lasts longer, then access is cut back to the other team's end", async () => {
    const { reconciler } = await setUp();
    const id = user();
    const cause = { cause: 'team-event' as const };
    await reconciler.applyTerms(id, terms.until('short', START + 10 * DAY_MS), cause);
    const first = (await reconciler.applyTerms(id, terms.until('long', START + 40 * DAY_MS), cause))!;
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 41 * DAY_MS, 1_000);
    expect(first.grants[0]).to.include({ state: 'in-sync' });
    expect(first.grants[0]!.teamIds).to.have.members(['long', 'short']);

    const second = (await reconciler.applyTerms(id, terms.none('long'), cause))!;
    expect(second).to.include({ granted: 1, revoked: 1 });
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 11 * DAY_MS, 1_000);

    const third = (await reconciler.applyTerms(id, terms.none('short'), cause))!;
    expect(third).to.include({ granted: 0, revoked: 1 });
    expect(await rcPromo(emulator, id)).to.be.at.most(emulator.clock.now());
    expect(third.grants[0]).to.include({ state: 'revoked' });
  });

  it('when a user is reconciled twice, then the second run calls RevenueCat not at all', async () => {
    const { reconciler, registry } = await setUp();
    const id = user();
    await reconciler.applyTerms(id, terms.until('one', START + 30 * DAY_MS), { cause: 'team-event' });
    const calls = async () =>
      ((await registry.getSingleMetric('revenuecat_calls_total')?.get())?.values ?? []).reduce(
        (s, v) => s + v.value,
        0,
      );
    const before = await calls();
    const again = await reconciler.reconcile(id, { cause: 'team-event' });
    expect(again).to.include({ granted: 0, revoked: 0, failed: 0 });
    expect(await calls()).to.equal(before);
  });

  it('when a fact not newer than the stored terms of its team arrives, then it changes nothing', async () => {
    const { reconciler, customers } = await setUp();
    const id = user();
    const cause = { cause: 'team-event' as const };
    await reconciler.applyTerms(id, terms.until('ordered', START + 30 * DAY_MS, { version: 5 }), cause);
    const stale = await reconciler.applyTerms(id, terms.none('ordered', { version: 4 }), cause);
    const repeated = await reconciler.applyTerms(id, terms.none('ordered', { version: 5 }), cause);
    expect(stale, 'a stale fact').to.equal(undefined);
    expect(repeated, 'a repeated version').to.equal(undefined);
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 31 * DAY_MS, 1_000);
    expect((await customers.get(id))!.teamTerms).to.deep.equal([
      {
        teamId: 'ordered',
        teamVersion: 5,
        productId: 'team_pro_monthly',
        entitlements: ['pro'],
        grant: { kind: 'until', untilMs: START + 30 * DAY_MS },
      },
    ]);
  });

  it('when one of two teams stops giving a lifetime grant, then the other team keeps the user granted until its end', async () => {
    const { reconciler } = await setUp();
    const id = user();
    const cause = { cause: 'team-event' as const };
    await reconciler.applyTerms(id, terms.until('dated', START + 20 * DAY_MS), cause);
    await reconciler.applyTerms(id, terms.lifetime('forever'), cause);
    expect(await rcPromo(emulator, id)).to.equal(Infinity);
    await reconciler.applyTerms(id, terms.none('forever'), cause);
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 21 * DAY_MS, 1_000);
  });

  it('when RevenueCat keeps the old expiry on a renewal grant, then the grant is repaired with a revoke and a new grant', async () => {
    // The emulator's duplicate window widened to 45 days plays the reported quirk: a renewal's re-grant is ignored.
    const { reconciler } = await setUp({ duplicateWindowMs: 45 * DAY_MS });
    const id = user();
    const cause = { cause: 'team-event' as const };
    await reconciler.applyTerms(id, terms.until('renewing', START + 30 * DAY_MS), cause);
    const renewal = (await reconciler.applyTerms(id, terms.until('renewing', START + 60 * DAY_MS), cause))!;
    expect(renewal).to.include({ granted: 2, revoked: 1 });
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 61 * DAY_MS, 1_000);
    expect(renewal.grants[0]).to.include({ state: 'in-sync' });
  });

  it('when the wanted end moves by less than two hours, then it revokes first and the new end holds', async () => {
    const { reconciler } = await setUp();
    const id = user();
    const cause = { cause: 'team-event' as const };
    await reconciler.applyTerms(id, terms.until('nudged', START + 30 * DAY_MS), cause);
    const result = (await reconciler.applyTerms(
      id,
      terms.until('nudged', START + 30 * DAY_MS + HOUR_MS),
      cause,
    ))!;
    expect(result).to.include({ granted: 1, revoked: 1 });
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 31 * DAY_MS + HOUR_MS, 1_000);
  });

  it('when RevenueCat rejects a grant, then the ledger records the failure and the reconciliation goes on', async () => {
    const { reconciler, customers, retries } = await setUp();
    const id = user();
    const odd = terms.until('odd', START + 30 * DAY_MS, { entitlements: ['no_such_entitlement', 'pro'] });
    const result = (await reconciler.applyTerms(id, odd, { cause: 'team-event' }))!;
    expect(result).to.include({ failed: 1, granted: 1 });
    const rows = (await customers.get(id))!.grants;
    const bad = rows.find((row) => row.entitlement === 'no_such_entitlement');
    expect(bad).to.include({ state: 'failed', attempts: 1 });
    expect(bad!.lastError).to.contain('REVENUECAT_REJECTED');
    expect(bad!.nextAttemptAtMs).to.be.a('number');
    expect(await retries.due(Date.now() + 3_600_000, 10)).to.include(id);
  });

  it('when RevenueCat is down, then the reconciliation fails retriable, the terms are kept, the grant is pending, and the redelivered fact makes it', async () => {
    const { reconciler, customers, retries } = await setUp();
    const id = user();
    emulator.faults.set({ outageUntilMs: Date.now() + 60_000 });
    const fact = terms.until('down', START + 30 * DAY_MS);
    const error = (await reconciler
      .applyTerms(id, fact, { cause: 'team-event' })
      .catch((e: unknown) => e)) as AppError;
    expect(error).to.be.instanceOf(AppError);
    expect(error.retriable).to.equal(true);
    const stored = (await customers.get(id))!;
    expect(stored.grants[0]).to.include({ state: 'grant-pending', attempts: 1 });
    expect(stored.grants[0]!.lastError).to.contain('REVENUECAT_UNAVAILABLE');
    expect(stored.teamTerms.map((t) => t.teamId)).to.deep.equal(['down']);
    expect(await retries.due(Date.now() + 3_600_000, 10)).to.include(id);

    // The consumer redelivers the same fact once RevenueCat is back: the pending grant is made then.
    emulator.faults.clear();
    const redelivered = await reconciler.applyTerms(id, fact, { cause: 'team-event' });
    expect(redelivered).to.include({ granted: 1, failed: 0 });
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 31 * DAY_MS, 1_000);
  });

  it('when grants go through API v2, then an extension revokes first (v2 grants only when none is active) and the end holds', async () => {
    const { reconciler } = await setUp({}, 'v2');
    const id = user();
    const cause = { cause: 'team-event' as const };
    await reconciler.applyTerms(id, terms.until('v2-team', START + 30 * DAY_MS), cause);
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 31 * DAY_MS, 1_000);
    const renewal = (await reconciler.applyTerms(id, terms.until('v2-team', START + 60 * DAY_MS), cause))!;
    expect(renewal).to.include({ granted: 1, revoked: 1, failed: 0 });
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 61 * DAY_MS, 1_000);
  });
});

import { expect } from 'chai';
import { createMetricsRegistry } from '@teamseat/metrics';
import { startEmulator, type Emulator } from '@teamseat/revenuecat-emulator';
import { createCustomerRepository } from '../../src/adapters/database/customer-repository';
import { createLeaseRepository } from '../../src/adapters/database/lease-repository';
import { createProcessedEventRepository } from '../../src/adapters/database/processed-event-repository';
import { createRetryQueueRepository } from '../../src/adapters/database/retry-queue-repository';
import { DAY_MS } from '../../src/domain';
import { createRevenueCat } from '../../src/adapters/revenuecat';
import { createAccessCache, createCustomerSync, createUserReconciler } from '../../src/application';
import { createSweep } from '../../src/application/sweep';
import { createUserLocks } from '../../src/application/user-locks';
import { startTeamServiceDirectory } from '../support/team-service-directory';
import { createTermsFactory } from '../support/team-terms';
import { freshDatabase } from '../support/infrastructure';
import { CATALOG_FILE, RC_KEY, testLogger } from '../support/service-harness';

const START = Date.UTC(2036, 0, 1);

describe('sweep (emulator, database and a real team-service)', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let stopRc: () => Promise<void>;
  let teams: Awaited<ReturnType<typeof startTeamServiceDirectory>>;

  afterEach(async () => {
    await stopRc();
    await teams.stop();
    await db.close();
    await emulator.stop();
  });

  let offsetMs = 0;

  /** The wall clock every module is given; tests move it. */
  const now = () => Date.now() + offsetMs;

  async function setUp(
    settings: { resyncAfterMs?: number; maxQueuedCalls?: number; leaseMs?: number; latencyMs?: number } = {},
  ) {
    offsetMs = 0;
    emulator = await startEmulator({
      catalogFile: CATALOG_FILE,
      apiKeys: [RC_KEY],
      clock: { startMs: START },
      faults: { latencyMinMs: settings.latencyMs ?? 0, latencyMaxMs: settings.latencyMs ?? 0 },
    });
    db = await freshDatabase();
    const logger = testLogger();
    const revenuecat = createRevenueCat({
      settings: {
        baseUrl: emulator.url,
        apiKey: RC_KEY,
        apiVersion: 'v1',
        ratePerSecond: 500,
        timeoutMs: 2_000,
      },
      logger,
      registry: createMetricsRegistry('test'),
      now,
    });
    stopRc = revenuecat.stop;
    const customers = createCustomerRepository(db.connection, { now });
    const retries = createRetryQueueRepository(db.connection);
    const processed = createProcessedEventRepository(db.connection, { now });
    teams = await startTeamServiceDirectory();
    const cache = createAccessCache({ now });
    const locks = createUserLocks();
    const publisher = { publish: async () => undefined };
    const common = {
      revenuecat: revenuecat.client,
      customers,
      publisher,
      products: [],
      cache,
      locks,
      logger,
      now,
    };
    const sync = createCustomerSync({ ...common, teams: teams.directory });
    const reconciler = createUserReconciler({ ...common, retries, defaultBufferMs: DAY_MS });
    const leases = createLeaseRepository(db.connection, { now });
    /** A sweep as one replica (`instanceId`) runs it; replicas share the database, RevenueCat and team-service. */
    const sweepOf = (instanceId: string) =>
      createSweep({
        customers,
        retries,
        processed,
        leases,
        sync,
        reconciler,
        revenueCatNow: () => revenuecat.client.clock.now(),
        queuedCalls: () => revenuecat.limiter.queued(),
        instanceId,
        now,
        settings: {
          intervalMs: 60_000,
          leaseMs: settings.leaseMs ?? 120_000,
          batch: 10,
          resyncAfterMs: settings.resyncAfterMs ?? 3_600_000,
          processedEventsRetentionMs: DAY_MS,
          maxQueuedCalls: settings.maxQueuedCalls ?? 50,
        },
        logger,
      });
    const sweep = sweepOf('test-instance');
    await revenuecat.client.getSubscriber('clock-probe');
    return { reconciler, sweep, sweepOf, leases, customers, retries };
  }

  it('when a grant was rejected, then the sweep retries it and the ledger counts the attempt', async () => {
    const { reconciler, sweep, customers } = await setUp();
    const odd = createTermsFactory().until('odd', START + 30 * DAY_MS, {
      entitlements: ['no_such_entitlement'],
    });
    await reconciler.applyTerms('sweep-user', odd, { cause: 'team-event' });
    const [before] = (await customers.get('sweep-user'))!.grants;
    expect(before).to.include({ state: 'failed', attempts: 1 });

    // The row is due one minute after the attempt.
    offsetMs = 120_000;
    const report = await sweep.run();
    expect(report.grantsRetried).to.equal(1);
    const [after] = (await customers.get('sweep-user'))!.grants;
    expect(after).to.include({ state: 'failed', attempts: 2 });
  });

  it('when a known customer bought something without a webhook, then the sweep fetches them again', async () => {
    const { sweep, customers } = await setUp({ resyncAfterMs: 0 });
    await customers.update(
      'quiet-user',
      {
        snapshot: {
          appUserId: 'quiet-user',
          originalAppUserId: 'quiet-user',
          requestDateMs: START,
          entitlements: [],
          subscriptions: [],
        },
      },
      { isNew: true },
    );
    emulator.service.storeAction('purchase', { appUserId: 'quiet-user', productId: 'pro_monthly' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const report = await sweep.run();
    expect(report.customersResynced).to.be.greaterThan(0);
    const stored = await customers.get('quiet-user');
    expect(stored!.snapshot!.entitlements.map((e) => e.id)).to.include('pro');
  });

  it("when the wall clock is injected, then syncedAt and the sweep's resync follow it, not the machine's time", async () => {
    const { sweep, customers } = await setUp({ resyncAfterMs: 3_600_000 });
    offsetMs = -30 * DAY_MS;
    const before = now();
    await customers.update(
      'clocked-user',
      {
        snapshot: {
          appUserId: 'clocked-user',
          originalAppUserId: 'clocked-user',
          requestDateMs: START,
          entitlements: [],
          subscriptions: [],
        },
      },
      { isNew: true },
    );
    const syncedAtMs = (await customers.get('clocked-user'))!.syncedAt!.getTime();
    expect(syncedAtMs).to.be.within(before, now());

    expect((await sweep.run()).customersResynced).to.equal(0);
    offsetMs += 2 * 3_600_000;
    expect((await sweep.run()).customersResynced).to.equal(1);
    const resynced = (await customers.get('clocked-user'))!.syncedAt!.getTime();
    expect(resynced).to.be.within(syncedAtMs + 2 * 3_600_000, now());
  });

  it('when live work has RevenueCat calls queued, then the sweep skips its run', async () => {
    const { sweep } = await setUp({ maxQueuedCalls: -1 });
    const report = await sweep.run();
    expect(report.skipped).to.equal('RevenueCat calls queued');
  });

  describe('across replicas (ADR 0021)', () => {
    /** Customers last synced long ago, so a run resyncs each of them (one slow RevenueCat read apiece). */
    async function staleCustomers(customers: Awaited<ReturnType<typeof setUp>>['customers'], count: number) {
      for (let i = 0; i < count; i++) {
        const userId = `replica-user-${i}`;
        const snapshot = {
          appUserId: userId,
          originalAppUserId: userId,
          requestDateMs: START,
          entitlements: [],
          subscriptions: [],
        };
        await customers.update(userId, { snapshot }, { isNew: true });
      }
      offsetMs += 10_000;
    }

    it('when two replicas sweep with a short lease and a long run, then their runs never overlap', async () => {
      const { sweepOf, customers } = await setUp({ resyncAfterMs: 1_000, leaseMs: 300, latencyMs: 120 });
      await staleCustomers(customers, 10);
      const first = sweepOf('replica-a');
      const second = sweepOf('replica-b');

      const started = Date.now();
      let firstEndedAt = Infinity;
      const firstRun = first.run().then((report) => {
        firstEndedAt = Date.now();
        return report;
      });
      await new Promise((resolve) => setTimeout(resolve, 100)); // the first replica has taken the lease
      // The other replica tries every 50 ms while the first run lasts many lease lengths.
      const overlapping: number[] = [];
      while (firstEndedAt === Infinity) {
        const triedAt = Date.now();
        const report = await second.run();
        if (!report.skipped && triedAt < firstEndedAt) overlapping.push(triedAt - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const report = await firstRun;
      expect(report.skipped).to.equal(undefined);
      expect(report.customersResynced).to.equal(10);
      expect(firstEndedAt - started, 'the run outlasts its lease several times over').to.be.greaterThan(900);
      expect(overlapping, 'runs of the second replica that started during the first one (ms)').to.deep.equal(
        [],
      );
      await first.stop();
      await second.stop();
    });

    it('when a replica loses its lease during a run, then its run stops', async () => {
      const { sweepOf, leases, customers } = await setUp({
        resyncAfterMs: 1_000,
        leaseMs: 300,
        latencyMs: 80,
      });
      await staleCustomers(customers, 10);
      const first = sweepOf('replica-a');
      const run = first.run();
      await new Promise((resolve) => setTimeout(resolve, 200));
      // An operator (or a replica that judged the lease lapsed) takes it over, in one write: between a release
      // and an acquire, the first replica's renewal (every 100 ms) could take the free lease back (seen in CI).
      await db.connection
        .collection<{ _id: string }>('leases')
        .updateOne({ _id: 'sweep' }, { $set: { holder: 'replica-b', untilMs: Date.now() + 60_000 } });
      expect((await leases.read('sweep'))?.holder).to.equal('replica-b');
      const report = await run;
      expect(report.skipped).to.equal('lease lost during the run');
      expect(report.customersResynced).to.be.lessThan(10);
      await first.stop();
    });
  });
});

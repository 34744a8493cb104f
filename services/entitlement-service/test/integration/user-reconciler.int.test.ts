import { expect } from 'chai';
import { AppError } from '@teamseat/errors';
import { createMetricsRegistry } from '@teamseat/metrics';
import { startEmulator, type Emulator } from '@teamseat/revenuecat-emulator';
import { createCustomerRepository } from '../../src/data-access/customer-repository';
import { createRetryQueueRepository } from '../../src/data-access/retry-queue-repository';
import { DAY_MS, HOUR_MS } from '../../src/domain';
import { createRevenueCat } from '../../src/revenuecat';
import { createAccessCache, createUserReconciler } from '../../src/use-cases';
import { createUserLocks } from '../../src/use-cases/user-locks';
import { startTeamServiceDirectory } from '../support/team-service-directory';
import { freshDatabase } from '../support/infrastructure';
import { CATALOG_FILE, RC_KEY, testLogger } from '../support/service-harness';

const START = Date.UTC(2032, 0, 1);

describe('user reconciler (emulator, database and a real team-service)', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let stopRc: () => Promise<void>;
  let teams: Awaited<ReturnType<typeof startTeamServiceDirectory>>;
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
    });
    stopRc = revenuecat.stop;
    const customers = createCustomerRepository(db.connection);
    const retries = createRetryQueueRepository(db.connection);
    await customers.ensureIndexes();
    teams = await startTeamServiceDirectory();
    const published: unknown[] = [];
    const reconciler = createUserReconciler({
      teams: teams.directory,
      revenuecat: revenuecat.client,
      customers,
      retries,
      publisher: { publish: async (facts) => void published.push(...facts) },
      products: [],
      cache: createAccessCache(),
      locks: createUserLocks(),
      defaultBufferMs: DAY_MS,
      logger,
    });
    await revenuecat.client.getSubscriber('clock-probe');
    return { reconciler, customers, retries, revenuecat, registry, published };
  }

  afterEach(async () => {
    await stopRc();
    await teams.stop();
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
    await teams.putTeam({ teamId: 'short', periodEndsAt: START + 10 * DAY_MS });
    await teams.putTeam({ teamId: 'long', periodEndsAt: START + 40 * DAY_MS });
    await teams.addMember('short', id);
    await teams.addMember('long', id);
    const first = await reconciler.reconcile(id, { cause: 'team-event' });
    expect(first.granted).to.equal(1);
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 41 * DAY_MS, 1_000);
    expect(first.grants[0]).to.include({ state: 'in-sync' });
    expect(first.grants[0]!.teamIds).to.have.members([teams.idOf('long'), teams.idOf('short')]);

    await teams.removeMember('long', id);
    const second = await reconciler.reconcile(id, { cause: 'team-event' });
    expect(second).to.include({ granted: 1, revoked: 1 });
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 11 * DAY_MS, 1_000);

    await teams.removeMember('short', id);
    const third = await reconciler.reconcile(id, { cause: 'team-event' });
    expect(third).to.include({ granted: 0, revoked: 1 });
    expect(await rcPromo(emulator, id)).to.be.at.most(emulator.clock.now());
    expect(third.grants[0]).to.include({ state: 'revoked' });
  });

  it('when a user is reconciled twice, then the second run calls RevenueCat not at all', async () => {
    const { reconciler, registry } = await setUp();
    const id = user();
    await teams.putTeam({ teamId: 'one', periodEndsAt: START + 30 * DAY_MS });
    await teams.addMember('one', id);
    await reconciler.reconcile(id, { cause: 'team-event' });
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

  it('when RevenueCat keeps the old expiry on a renewal grant, then the grant is repaired with a revoke and a new grant', async () => {
    // The emulator's duplicate window widened to 45 days plays the reported quirk: a renewal's re-grant is ignored.
    const { reconciler } = await setUp({ duplicateWindowMs: 45 * DAY_MS });
    const id = user();
    await teams.putTeam({ teamId: 'renewing', periodEndsAt: START + 30 * DAY_MS });
    await teams.addMember('renewing', id);
    await reconciler.reconcile(id, { cause: 'team-event' });
    await teams.putTeam({ teamId: 'renewing', periodEndsAt: START + 60 * DAY_MS });
    const renewal = await reconciler.reconcile(id, { cause: 'team-event' });
    expect(renewal).to.include({ granted: 2, revoked: 1 });
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 61 * DAY_MS, 1_000);
    expect(renewal.grants[0]).to.include({ state: 'in-sync' });
  });

  it('when the wanted end moves by less than two hours, then it revokes first and the new end holds', async () => {
    const { reconciler } = await setUp();
    const id = user();
    await teams.putTeam({ teamId: 'nudged', periodEndsAt: START + 30 * DAY_MS });
    await teams.addMember('nudged', id);
    await reconciler.reconcile(id, { cause: 'team-event' });
    await teams.putTeam({ teamId: 'nudged', periodEndsAt: START + 30 * DAY_MS + HOUR_MS });
    const result = await reconciler.reconcile(id, { cause: 'team-event' });
    expect(result).to.include({ granted: 1, revoked: 1 });
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 31 * DAY_MS + HOUR_MS, 1_000);
  });

  it('when RevenueCat rejects a grant, then the ledger records the failure and the reconciliation goes on', async () => {
    const { reconciler, customers, retries } = await setUp();
    const id = user();
    await teams.putTeam({
      teamId: 'odd',
      periodEndsAt: START + 30 * DAY_MS,
      memberEntitlements: ['no_such_entitlement', 'pro'],
    });
    await teams.addMember('odd', id);
    const result = await reconciler.reconcile(id, { cause: 'team-event' });
    expect(result).to.include({ failed: 1, granted: 1 });
    const rows = (await customers.get(id))!.grants;
    const bad = rows.find((row) => row.entitlement === 'no_such_entitlement');
    expect(bad).to.include({ state: 'failed', attempts: 1 });
    expect(bad!.lastError).to.contain('REVENUECAT_REJECTED');
    expect(bad!.nextAttemptAtMs).to.be.a('number');
    expect(await retries.due(Date.now() + 3_600_000, 10)).to.include(id);
  });

  it('when RevenueCat is down, then the reconciliation fails retriable and the ledger says the grant is pending', async () => {
    const { reconciler, customers, retries } = await setUp();
    const id = user();
    await teams.putTeam({ teamId: 'down', periodEndsAt: START + 30 * DAY_MS });
    await teams.addMember('down', id);
    emulator.faults.set({ outageUntilMs: Date.now() + 60_000 });
    const error = (await reconciler
      .reconcile(id, { cause: 'team-event' })
      .catch((e: unknown) => e)) as AppError;
    expect(error).to.be.instanceOf(AppError);
    expect(error.retriable).to.equal(true);
    const [row] = (await customers.get(id))!.grants;
    expect(row).to.include({ state: 'grant-pending', attempts: 1 });
    expect(row!.lastError).to.contain('REVENUECAT_UNAVAILABLE');
    expect(await retries.due(Date.now() + 3_600_000, 10)).to.include(id);
  });

  it("when a team event hints the team's terms and the ledger shows no other team, then team-service is not asked", async () => {
    const { reconciler } = await setUp();
    const id = user();
    const hint = {
      teamId: 'hinted',
      productId: 'team_pro_monthly',
      status: 'active' as const,
      periodEndsAtMs: START + 30 * DAY_MS,
      memberEntitlements: ['pro'],
      grantMode: 'period' as const,
      holdsSeat: true,
    };
    const callsBefore = teams.calls();
    const granted = await reconciler.reconcile(id, { cause: 'team-event' }, hint);
    expect(granted.granted).to.equal(1);
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 31 * DAY_MS, 1_000);
    const revoked = await reconciler.reconcile(id, { cause: 'team-event' }, { ...hint, status: 'expired' });
    expect(revoked.revoked).to.equal(1);
    expect(teams.calls()).to.equal(callsBefore);
  });

  it('when the ledger shows another team, then the hint is not enough and team-service is asked', async () => {
    const { reconciler } = await setUp();
    const id = user();
    await teams.putTeam({ teamId: 'other', periodEndsAt: START + 40 * DAY_MS });
    await teams.putTeam({ teamId: 'hinted', periodEndsAt: START + 10 * DAY_MS });
    await teams.addMember('other', id);
    await reconciler.reconcile(id, { cause: 'team-event' });
    await teams.addMember('hinted', id);
    const callsBefore = teams.calls();
    const hint = {
      teamId: teams.idOf('hinted')!,
      productId: 'team_pro_monthly',
      status: 'expired' as const,
      periodEndsAtMs: START + 10 * DAY_MS,
      memberEntitlements: ['pro'],
      grantMode: 'period' as const,
      holdsSeat: true,
    };
    const result = await reconciler.reconcile(id, { cause: 'team-event' }, hint);
    expect(teams.calls()).to.be.greaterThan(callsBefore);
    expect(result).to.include({ granted: 0, revoked: 0 });
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 41 * DAY_MS, 1_000);
  });

  it('when grants go through API v2, then an extension revokes first (v2 grants only when none is active) and the end holds', async () => {
    const { reconciler } = await setUp({}, 'v2');
    const id = user();
    await teams.putTeam({ teamId: 'v2-team', periodEndsAt: START + 30 * DAY_MS });
    await teams.addMember('v2-team', id);
    await reconciler.reconcile(id, { cause: 'team-event' });
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 31 * DAY_MS, 1_000);
    await teams.putTeam({ teamId: 'v2-team', periodEndsAt: START + 60 * DAY_MS });
    const renewal = await reconciler.reconcile(id, { cause: 'team-event' });
    expect(renewal).to.include({ granted: 1, revoked: 1, failed: 0 });
    expect(await rcPromo(emulator, id)).to.be.closeTo(START + 61 * DAY_MS, 1_000);
  });
});

import { expect } from 'chai';
import { Registry } from '@teamseat/metrics';
import { waitFor } from '@teamseat/testing';
import { createCustomerRepository } from '../../src/adapters/database/customer-repository';
import { createAccessCache } from '../../src/application/access-cache';
import { createAccessQueries } from '../../src/application/access-queries';
import type { CustomerRepository } from '../../src/application/ports';
import { freshDatabase } from '../support/infrastructure';
import { DAY, T0, subscriber } from '../support/subscribers';

const TTL = 60_000;
const REFRESH_AFTER = 30_000;

/** A subscriber whose `pro` is active until `untilMs` (RevenueCat time T0 + 1 day in every test). */
const withPro = (userId: string, untilMs: number) =>
  subscriber({
    appUserId: userId,
    originalAppUserId: userId,
    entitlements: [
      {
        id: 'pro',
        expiresAt: untilMs,
        gracePeriodExpiresAtMs: null,
        productIdentifier: 'pro_monthly',
        purchaseDateMs: T0,
      },
    ],
  });

describe('access queries: cache in front of the stored snapshots', function () {
  this.timeout(30_000);
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let customers: CustomerRepository;

  before(async () => {
    db = await freshDatabase('ents_access');
    customers = createCustomerRepository(db.connection, { now: Date.now });
  });
  after(async () => db.close());

  /**
   * The real repository, counting full reads and revision reads, and optionally holding each full read
   * until `release` is called.
   */
  function observed({ hold = false } = {}) {
    let reads = 0;
    let revisionReads = 0;
    const held: Array<() => void> = [];
    const repository: CustomerRepository = {
      ...customers,
      async get(userId) {
        reads += 1;
        if (hold) await new Promise<void>((resolve) => held.push(resolve));
        return customers.get(userId);
      },
      async revisionOf(userId) {
        revisionReads += 1;
        return customers.revisionOf(userId);
      },
    };
    return {
      repository,
      reads: () => reads,
      revisionReads: () => revisionReads,
      held: () => held.length,
      release: () => held.splice(0).forEach((go) => go()),
    };
  }

  function queries(
    repository: CustomerRepository,
    wall: { ms: number },
    registry = new Registry(),
    refreshSpreadMs?: number,
  ) {
    const cache = createAccessCache({ ttlMs: TTL, now: () => wall.ms });
    const access = createAccessQueries({
      customers: repository,
      cache,
      now: () => T0 + DAY,
      refreshAfterMs: REFRESH_AFTER,
      refreshSpreadMs,
      wallClock: () => wall.ms,
      registry,
    });
    return { cache, access, registry };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  /** Waits (up to 5 s) until `done` holds: for background work whose start is paced. */
  const until = (done: () => boolean) =>
    waitFor(done, { timeoutMs: 5_000, intervalMs: 10, description: 'the awaited background work' });
  const lookups = async (registry: Registry) =>
    Object.fromEntries(
      (await registry.getSingleMetric('entitlement_access_cache_lookups_total')!.get()).values.map((v) => [
        v.labels.result,
        v.value,
      ]),
    );

  it('when one user is asked for at once many times and then again, then the database is read once', async () => {
    await customers.update('u-once', { snapshot: withPro('u-once', T0 + 2 * DAY) }, { isNew: true });
    const spy = observed();
    const { access, registry } = queries(spy.repository, { ms: 1_000 });

    const answers = await Promise.all([...Array(20).keys()].map(() => access.checkAccess('u-once', 'pro')));
    const again = await access.checkAccess('u-once', 'pro');

    expect(answers.every((a) => a.active) && again.active).to.equal(true);
    expect(spy.reads()).to.equal(1);
    expect(await lookups(registry)).to.deep.equal({ miss: 20, hit: 1 });
  });

  it('when an entry is past the refresh age, then the stored answer comes at once and the next one is read again', async () => {
    await customers.update('u-refresh', { snapshot: withPro('u-refresh', T0 + 2 * DAY) }, { isNew: true });
    const spy = observed();
    const wall = { ms: 1_000 };
    const { access, registry } = queries(spy.repository, wall);
    await access.checkAccess('u-refresh', 'pro');
    // RevenueCat's answer changed and no change event reached this instance (another replica stored it).
    await customers.update('u-refresh', { snapshot: withPro('u-refresh', T0 + DAY / 2) });

    wall.ms += REFRESH_AFTER;
    const stale = await access.checkAccess('u-refresh', 'pro');
    await until(() => spy.reads() === 2);
    await settle();
    const fresh = await access.checkAccess('u-refresh', 'pro');

    expect(stale.active).to.equal(true);
    expect(fresh.active).to.equal(false);
    expect([spy.revisionReads(), spy.reads()]).to.deep.equal([1, 2]);
    expect(await lookups(registry)).to.deep.equal({ miss: 1, refresh: 1, hit: 1 });
  });

  it('when an entry is past the refresh age and the document has not moved, then only its revision is read', async () => {
    await customers.update('u-same', { snapshot: withPro('u-same', T0 + 2 * DAY) }, { isNew: true });
    const spy = observed();
    const wall = { ms: 1_000 };
    const { access, cache, registry } = queries(spy.repository, wall);
    await access.checkAccess('u-same', 'pro');
    const entry = cache.peek('u-same');

    wall.ms += REFRESH_AFTER;
    await access.checkAccess('u-same', 'pro');
    await until(() => spy.revisionReads() === 1);
    await settle();
    wall.ms += REFRESH_AFTER - 1;
    const later = await access.checkAccess('u-same', 'pro');

    expect(later.active).to.equal(true);
    expect([spy.revisionReads(), spy.reads()]).to.deep.equal([1, 1]);
    expect(cache.peek('u-same')).to.equal(entry); // the same entry, its age restarted
    const rereads = await registry.getSingleMetric('entitlement_access_cache_rereads_total')!.get();
    expect(rereads.values.map((v) => [v.labels.outcome, v.value])).to.deep.equal([['unchanged', 1]]);
    expect(await lookups(registry)).to.deep.equal({ miss: 1, refresh: 1, hit: 1 });
  });

  it('when many entries fall due together, then their re-reads are spread out in time and all of them done', async () => {
    const users = [...Array(20).keys()].map((i) => `u-due-${i}`);
    for (const user of users) {
      await customers.update(user, { snapshot: withPro(user, T0 + 2 * DAY) }, { isNew: true });
    }
    const spy = observed();
    const wall = { ms: 1_000 };
    const registry = new Registry();
    // A backlog spread over 2 s: one re-read per 10 ms tick for these 20.
    const { access, cache } = queries(spy.repository, wall, registry, 2_000);
    await Promise.all(users.map((user) => access.checkAccess(user, 'pro')));

    wall.ms += REFRESH_AFTER;
    const answers = await Promise.all(users.map((user) => access.checkAccess(user, 'pro')));
    const queue = registry.getSingleMetric('entitlement_access_cache_refresh_queue');
    const waiting = (await queue?.get())?.values[0]?.value;
    const startedAtOnce = spy.revisionReads();
    await new Promise((resolve) => setTimeout(resolve, 55));
    const startedWithin55Ms = spy.revisionReads();
    await until(() => spy.revisionReads() === users.length);
    await settle();

    expect(answers.every((a) => a.active)).to.equal(true);
    expect([startedAtOnce, waiting]).to.deep.equal([0, users.length]);
    expect(startedWithin55Ms).to.be.at.most(6); // at most five 10 ms ticks, one re-read each
    expect(spy.revisionReads()).to.equal(users.length);
    expect(users.filter((user) => cache.peek(user)!.loadedAtMs !== wall.ms)).to.deep.equal([]);
  });

  it('when an entry is past the TTL, then it is not answered from: the caller waits for the read', async () => {
    await customers.update('u-ttl', { snapshot: withPro('u-ttl', T0 + 2 * DAY) }, { isNew: true });
    const spy = observed();
    const wall = { ms: 1_000 };
    const { access } = queries(spy.repository, wall);
    await access.checkAccess('u-ttl', 'pro');
    await customers.update('u-ttl', { snapshot: withPro('u-ttl', T0 + DAY / 2) });

    wall.ms += TTL + 1;
    const answer = await access.checkAccess('u-ttl', 'pro');

    expect(answer.active).to.equal(false);
    expect(spy.reads()).to.equal(2);
  });

  it('when a record is written through while a background read is under way, then the read does not replace it', async () => {
    await customers.update('u-race', { snapshot: withPro('u-race', T0 + 2 * DAY) }, { isNew: true });
    const spy = observed({ hold: true });
    const wall = { ms: 1_000 };
    const { access, cache } = queries(spy.repository, wall);
    const first = access.checkAccess('u-race', 'pro');
    await until(() => spy.held() === 1);
    spy.release();
    await first;
    // Another replica stored a newer snapshot (its revision moved), so the re-read will load the document.
    await customers.update('u-race', { snapshot: withPro('u-race', T0 + 3 * DAY) });

    wall.ms += REFRESH_AFTER;
    await access.checkAccess('u-race', 'pro'); // the background re-read: queued, then held in its load
    await until(() => spy.held() === 1);
    const newer = (await customers.get('u-race'))!;
    newer.snapshot = withPro('u-race', T0 + DAY / 2);
    cache.remember(newer); // what this instance has just written
    spy.release();
    await until(() => spy.reads() === 2 && spy.held() === 0);
    await settle();
    const answer = await access.checkAccess('u-race', 'pro');

    expect(answer.active).to.equal(false);
  });
});

import { expect } from 'chai';
import { LIFETIME } from '../../src/domain';
import { createCustomerRepository } from '../../src/data-access/customer-repository';
import { createGrantLedgerRepository, type GrantRecord } from '../../src/data-access/grant-ledger-repository';
import { createProcessedEventRepository } from '../../src/data-access/processed-event-repository';
import { freshDatabase } from '../support/infrastructure';
import { DAY, T0, subscriber, subscription } from '../support/subscribers';

describe('repositories on the MongoDB-protocol database', function () {
  this.timeout(30_000);
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let customers: ReturnType<typeof createCustomerRepository>;
  let ledger: ReturnType<typeof createGrantLedgerRepository>;
  let events: ReturnType<typeof createProcessedEventRepository>;

  before(async () => {
    db = await freshDatabase();
    customers = createCustomerRepository(db.connection);
    ledger = createGrantLedgerRepository(db.connection);
    events = createProcessedEventRepository(db.connection);
    await Promise.all([customers.ensureIndexes(), ledger.ensureIndexes(), events.ensureIndexes()]);
  });

  after(async () => db.close());

  it('when a snapshot is stored, then it reads back equal, lifetime expiries included', async () => {
    const s = subscriber({
      appUserId: 'u-roundtrip',
      entitlements: [
        {
          id: 'pro.x',
          expiresAt: LIFETIME,
          gracePeriodExpiresAtMs: null,
          productIdentifier: 'p.x',
          purchaseDateMs: T0,
        },
      ],
      subscriptions: [subscription({ productId: 'com.example.team' })],
    });
    expect(await customers.storeSnapshot(s)).to.equal(true);
    const stored = await customers.get('u-roundtrip');
    expect(stored?.snapshot).to.deep.equal(s);
    expect(stored?.fetchedAtMs).to.equal(s.requestDateMs);
  });

  it('when an older snapshot arrives after a newer one, then the newer one stays', async () => {
    const newer = subscriber({ appUserId: 'u-race', requestDateMs: T0 + 2 * DAY });
    const older = subscriber({
      appUserId: 'u-race',
      requestDateMs: T0 + DAY,
      subscriptions: [subscription()],
    });
    expect(await customers.storeSnapshot(newer)).to.equal(true);
    expect(await customers.storeSnapshot(older)).to.equal(false);
    expect((await customers.get('u-race'))?.snapshot?.subscriptions).to.deep.equal([]);
  });

  it('when the watermark is moved, then it only moves forward', async () => {
    await customers.storeSnapshot(subscriber({ appUserId: 'u-mark' }));
    await customers.markSettled('u-mark', T0 + 5);
    await customers.markSettled('u-mark', T0 + 3);
    expect((await customers.get('u-mark'))?.settledAtMs).to.equal(T0 + 5);
  });

  it('when team lines are added before any snapshot, then a later snapshot still stores', async () => {
    await customers.addTeamLines('u-lines', ['team_admin']);
    await customers.addTeamLines('u-lines', ['team_admin', 'other']);
    expect(await customers.storeSnapshot(subscriber({ appUserId: 'u-lines' }))).to.equal(true);
    const stored = await customers.get('u-lines');
    expect(stored?.teamLines).to.deep.equal(['team_admin', 'other']);
    expect(stored?.snapshot).to.not.equal(undefined);
  });

  it('when grants are saved, then none, lifetime and dates read back apart, and due rows are found', async () => {
    const base: GrantRecord = {
      userId: 'u-ledger',
      entitlement: 'pro',
      teamIds: ['t1'],
      desired: LIFETIME,
      confirmed: undefined,
      confirmedAtMs: undefined,
      state: 'grant-pending',
      attempts: 1,
      lastError: 'boom',
      lastAttemptAtMs: T0,
      nextAttemptAtMs: T0 + 1,
    };
    await ledger.save(base);
    await ledger.save({
      ...base,
      entitlement: 'storage',
      desired: undefined,
      confirmed: T0 + DAY,
      state: 'in-sync',
      nextAttemptAtMs: undefined,
      lastError: undefined,
    });
    const rows = await ledger.forUser('u-ledger');
    expect(rows).to.deep.equal([
      base,
      {
        ...base,
        entitlement: 'storage',
        desired: undefined,
        confirmed: T0 + DAY,
        state: 'in-sync',
        nextAttemptAtMs: undefined,
        lastError: undefined,
      },
    ]);
    expect(await ledger.dueUsers(T0 + 2, 10)).to.deep.equal(['u-ledger']);
    await ledger.save({ ...base, state: 'in-sync', nextAttemptAtMs: undefined, lastError: undefined });
    expect(await ledger.dueUsers(T0 + 2, 10)).to.deep.equal([]);
    expect((await ledger.forUser('u-ledger'))[0]?.lastError).to.equal(undefined);
  });

  it('when an event id is marked twice, then it is processed once and no error is raised', async () => {
    expect(await events.has('evt-1')).to.equal(false);
    await events.mark('evt-1', 'RENEWAL');
    await events.mark('evt-1', 'RENEWAL');
    expect(await events.has('evt-1')).to.equal(true);
    expect(await events.deleteOlderThan(new Date(Date.now() + 1000))).to.equal(1);
  });
});

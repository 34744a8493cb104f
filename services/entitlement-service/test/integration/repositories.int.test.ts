import { expect } from 'chai';
import { LIFETIME } from '../../src/domain';
import { createCustomerRepository } from '../../src/adapters/database/customer-repository';
import { mergePatch } from '../../src/domain/customer';
import type { GrantRecord } from '../../src/domain/grant-record';
import { createLeaseRepository } from '../../src/adapters/database/lease-repository';
import { createProcessedEventRepository } from '../../src/adapters/database/processed-event-repository';
import { createRetryQueueRepository } from '../../src/adapters/database/retry-queue-repository';
import { freshDatabase } from '../support/infrastructure';
import { DAY, T0, subscriber, subscription } from '../support/subscribers';

describe('repositories on the MongoDB-protocol database', function () {
  this.timeout(30_000);
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let customers: ReturnType<typeof createCustomerRepository>;
  let events: ReturnType<typeof createProcessedEventRepository>;
  let retries: ReturnType<typeof createRetryQueueRepository>;
  let leases: ReturnType<typeof createLeaseRepository>;

  const grant = (overrides: Partial<GrantRecord> = {}): GrantRecord => ({
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
    ...overrides,
  });

  before(async () => {
    db = await freshDatabase();
    customers = createCustomerRepository(db.connection, { now: Date.now });
    events = createProcessedEventRepository(db.connection, { now: Date.now });
    retries = createRetryQueueRepository(db.connection);
    leases = createLeaseRepository(db.connection, { now: Date.now });
    await Promise.all([customers.ensureIndexes(), events.ensureIndexes()]);
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
    await customers.update('u-roundtrip', { snapshot: s }, { isNew: true });
    const stored = await customers.get('u-roundtrip');
    expect(stored?.snapshot).to.deep.equal(s);
    expect(stored?.fetchedAtMs).to.equal(s.requestDateMs);
    expect(stored?.grants).to.deep.equal([]);
  });

  it('when a user thought new already exists, or one thought existing does not, then the patch still lands', async () => {
    await customers.update('u-twice', { snapshot: subscriber({ appUserId: 'u-twice' }) }, { isNew: true });
    await customers.update('u-twice', { settledAtMs: T0 }, { isNew: true });
    await customers.update('u-absent', { settledAtMs: T0 });
    expect((await customers.get('u-twice'))?.settledAtMs).to.equal(T0);
    expect((await customers.get('u-absent'))?.settledAtMs).to.equal(T0);
    expect((await customers.get('u-absent'))?.snapshot).to.equal(undefined);
  });

  it('when a customer is written, then each write moves its revision by one, readable on its own', async () => {
    const before = await customers.revisionOf('u-rev');
    await customers.update('u-rev', { snapshot: subscriber({ appUserId: 'u-rev' }) }, { isNew: true });
    await customers.update('u-rev', { settledAtMs: T0 });
    await customers.update('u-rev', {}); // nothing to write: no write, no new revision
    await customers.update('u-rev', { retryQueued: true });

    expect(before).to.equal(null);
    expect(await customers.revisionOf('u-rev')).to.equal(3);
    expect((await customers.get('u-rev'))?.revision).to.equal(3);
  });

  it('when a write follows its read directly, then the merged record keeps the revision, and not after another write', async () => {
    await customers.update('u-merge', { snapshot: subscriber({ appUserId: 'u-merge' }) }, { isNew: true });
    const read = (await customers.get('u-merge'))!;
    const direct = await customers.update('u-merge', { settledAtMs: T0 });
    const merged = mergePatch('u-merge', read, { settledAtMs: T0 }, direct, T0);
    await customers.update('u-merge', { retryQueued: true }); // another writer's
    const late = await customers.update('u-merge', { settledAtMs: T0 + 1 });
    const stale = mergePatch('u-merge', merged, { settledAtMs: T0 + 1 }, late, T0);

    expect([read.revision, direct, merged.revision]).to.deep.equal([1, 2, 2]);
    expect([late, stale.revision]).to.deep.equal([4, undefined]);
    expect(mergePatch('u-new', undefined, { settledAtMs: T0 }, 1, T0).revision).to.equal(1);
  });

  it('when two replicas store snapshots in the wrong order, then the newer one stays and the rest of the older write lands', async () => {
    const otherReplica = createCustomerRepository(db.connection, { now: Date.now });
    const newer = subscriber({ appUserId: 'u-order', requestDateMs: T0 + 10, entitlements: [] });
    const older = subscriber({
      appUserId: 'u-order',
      requestDateMs: T0 + 5,
      subscriptions: [subscription({ productId: 'com.example.old' })],
    });
    // Both read no record, then write: the newer one first.
    await customers.update('u-order', { snapshot: newer }, { isNew: true });
    await otherReplica.update('u-order', { snapshot: older, retryQueued: true }, { isNew: true });
    await otherReplica.update('u-order', { snapshot: older });

    const stored = (await customers.get('u-order'))!;
    expect(stored.fetchedAtMs).to.equal(T0 + 10);
    expect(stored.snapshot).to.deep.equal(newer);
    expect(stored.retryQueued).to.equal(true);

    const newest = subscriber({ appUserId: 'u-order', requestDateMs: T0 + 20 });
    await otherReplica.update('u-order', { snapshot: newest });
    expect((await customers.get('u-order'))!.snapshot).to.deep.equal(newest);
  });

  it('when the watermark is moved, then it only moves forward', async () => {
    await customers.update('u-mark', { snapshot: subscriber({ appUserId: 'u-mark' }), settledAtMs: T0 + 5 });
    await customers.update('u-mark', { settledAtMs: T0 + 3 });
    expect((await customers.get('u-mark'))?.settledAtMs).to.equal(T0 + 5);
  });

  it('when team lines and the team check are set before any snapshot, then a later snapshot still stores', async () => {
    await customers.update('u-lines', { addTeamLines: ['team_admin'], nextTeamCheckAtMs: T0 });
    await customers.update('u-lines', { addTeamLines: ['team_admin', 'other'] });
    await customers.update('u-lines', { snapshot: subscriber({ appUserId: 'u-lines' }) });
    const stored = await customers.get('u-lines');
    expect(stored?.teamLines).to.deep.equal(['team_admin', 'other']);
    expect(stored?.snapshot).to.not.equal(undefined);
    expect(await customers.teamChecksDue(T0, 10)).to.include('u-lines');
    await customers.update('u-lines', { nextTeamCheckAtMs: null });
    expect(await customers.teamChecksDue(T0, 10)).to.not.include('u-lines');
  });

  it("when ledger rows are saved, then none, lifetime and dates (others' grants too) read back apart", async () => {
    const rows = [
      grant(),
      grant({
        entitlement: 'storage',
        desired: undefined,
        confirmed: T0 + DAY,
        state: 'in-sync',
        lastError: undefined,
        nextAttemptAtMs: undefined,
      }),
      grant({ entitlement: 'lifetime-other', confirmed: LIFETIME, others: LIFETIME }),
      grant({ entitlement: 'dated-other', confirmed: T0 + 9 * DAY, others: T0 + 5 * DAY }),
    ];
    await customers.update('u-ledger', { grants: rows, retryQueued: true });
    const stored = await customers.get('u-ledger');
    expect(stored?.grants).to.deep.equal(rows);
    expect(stored?.retryQueued).to.equal(true);
    expect(stored?.snapshot).to.equal(undefined);
  });

  it('when users are queued for retry, then only the due ones come back, earliest first', async () => {
    await retries.schedule('later', T0 + 10);
    await retries.schedule('sooner', T0 + 5);
    await retries.schedule('future', T0 + 100);
    expect(await retries.due(T0 + 20, 10)).to.deep.equal(['sooner', 'later']);
    await retries.clear('sooner');
    expect(await retries.due(T0 + 20, 10)).to.deep.equal(['later']);
  });

  it('when an event id is marked twice, then it is processed once and no error is raised', async () => {
    expect(await events.has('evt-1')).to.equal(false);
    await events.mark('evt-1', 'RENEWAL');
    await events.mark('evt-1', 'RENEWAL');
    expect(await events.has('evt-1')).to.equal(true);
    await Promise.all([
      events.mark('evt-2', 'RENEWAL'),
      events.mark('evt-2', 'RENEWAL'),
      events.mark('evt-3', 'X'),
    ]);
    expect(await events.has('evt-2')).to.equal(true);
    expect(await events.has('evt-3')).to.equal(true);
    expect(await events.deleteOlderThan(new Date(Date.now() + 1000))).to.equal(3);
  });

  it('when two holders ask for the lease, then one gets it until it is released', async () => {
    expect(await leases.acquire('sweep', 'a', 60_000)).to.equal(true);
    expect(await leases.acquire('sweep', 'b', 60_000)).to.equal(false);
    expect(await leases.acquire('sweep', 'a', 60_000)).to.equal(true);
    await leases.release('sweep', 'a');
    expect(await leases.acquire('sweep', 'b', 60_000)).to.equal(true);
  });
});

import { createLogger } from '@teamseat/logger';
import { getInfrastructure, randomDatabaseUri } from '@teamseat/testing';
import { expect } from 'chai';
import { createMongoConnections, type MongoConnections } from '../../src/adapters/database/mongo-connections';
import { createSlotLeases } from '../../src/adapters/database/outbox-leases';

const logger = createLogger({ service: 'outbox-leases-test', level: 'silent' });
const LEASE_MS = 10_000;
const SLOTS = 4;

describe('outbox slot leases (real FerretDB, a clock the test moves)', function () {
  this.timeout(60_000);
  let mongo: MongoConnections;
  let clock: number;
  const now = () => new Date(clock);
  const leasesFor = (owner: string) =>
    createSlotLeases({ models: mongo.writes, owner, slots: SLOTS, leaseMs: LEASE_MS, now, logger });
  const heldSlots = (leases: ReturnType<typeof leasesFor>) =>
    Array.from({ length: SLOTS }, (_, slot) => leases.heldEpoch(slot)).filter((epoch) => epoch !== null);

  beforeEach(async () => {
    const { mongoUri } = await getInfrastructure();
    mongo = await createMongoConnections({
      uri: randomDatabaseUri(mongoUri, 'leases'),
      defaultDatabase: 'unused',
      poolSize: 4,
      logger,
    });
    clock = Date.parse('2026-12-01T00:00:00Z');
  });
  afterEach(async () => {
    await mongo.writes.db.dropDatabase();
    await mongo.close();
  });

  it('when a renewal comes late but before the lease ends, then the relay keeps its slots (another relay could not have taken them)', async () => {
    const a = leasesFor('a');
    await a.refresh();
    expect(heldSlots(a)).to.have.length(SLOTS);
    // A slow database held the renewal up: it runs inside the safety margin, still before `until`.
    clock += LEASE_MS - 1_000;
    await a.refresh();
    expect(heldSlots(a), 'slots after a late renewal').to.have.length(SLOTS);
    // And nobody else can take them meanwhile.
    const b = leasesFor('b');
    await b.refresh();
    expect(heldSlots(b)).to.have.length(0);
  });

  it('when a renewal comes after the lease ended, then the slots are given up and another relay takes them', async () => {
    const a = leasesFor('a');
    await a.refresh();
    clock += LEASE_MS + 1;
    const b = leasesFor('b');
    await b.refresh();
    expect(heldSlots(b)).to.have.length.greaterThan(0);
    await a.refresh();
    for (let slot = 0; slot < SLOTS; slot++) {
      expect(a.heldEpoch(slot) !== null && b.heldEpoch(slot) !== null, `slot ${slot} held twice`).to.equal(
        false,
      );
    }
  });
});

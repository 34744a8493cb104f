import { expect } from 'chai';
import type { Connection } from 'mongoose';
import { startThrowawayFerretDb, type ThrowawayFerretDb } from '@teamseat/testing';
import { createCustomerRepository } from '../../src/adapters/database/customer-repository';
import { createLeaseRepository } from '../../src/adapters/database/lease-repository';
import { connectMongo } from '../../src/adapters/database/mongo';
import { createProcessedEventRepository } from '../../src/adapters/database/processed-event-repository';
import { createRetryQueueRepository } from '../../src/adapters/database/retry-queue-repository';

describe('repositories while the database is gone (a throwaway FerretDB, killed; nothing listens at its address)', function () {
  this.timeout(60_000);
  let database: ThrowawayFerretDb;
  let connection: Connection;
  let operations: Array<[string, () => Promise<unknown>]>;

  before(async () => {
    database = await startThrowawayFerretDb();
    // A short server selection: the driver gives up on a dead address in half a second.
    connection = await connectMongo(`${database.uri}ents_outage`, { timeoutMs: 500 });
    const now = Date.now;
    const customers = createCustomerRepository(connection, { now });
    const processed = createProcessedEventRepository(connection, { now });
    const retries = createRetryQueueRepository(connection);
    const leases = createLeaseRepository(connection, { now });
    await database.kill();
    operations = [
      ['customers.get', () => customers.get('u-1')],
      ['customers.known', () => customers.known(['u-1', 'u-2'])],
      ['customers.update', () => customers.update('u-1', { settledAtMs: 1 }, { isNew: true })],
      ['processed.has', () => processed.has('e-1')],
      ['processed.mark', () => processed.mark('e-1', 'RENEWAL')],
      ['retries.schedule', () => retries.schedule('u-1', 0)],
      ['leases.acquire', () => leases.acquire('sweep', 'me', 1_000)],
    ];
  });

  after(async () => {
    await connection?.close(true).catch(() => undefined);
    await database?.destroy();
  });

  it('when an operation cannot reach the database, then it fails UNAVAILABLE, retriable, naming the operation and not the host', async () => {
    for (const [name, operation] of operations) {
      const error = (await operation().then(
        () => expect.fail(`${name} succeeded without a database`),
        (e: unknown) => e,
      )) as { code?: unknown; retriable?: unknown; reason?: unknown; message: string };
      expect(error, name).to.include({
        code: 'UNAVAILABLE',
        retriable: true,
        reason: 'DATABASE_UNAVAILABLE',
      });
      expect(error.message, name).to.contain(name.split('.')[1]).and.not.contain('127.0.0.1');
    }
  });
});

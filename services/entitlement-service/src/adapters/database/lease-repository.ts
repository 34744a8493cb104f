import type { Connection } from 'mongoose';
import type { LeaseRepository } from '../../application/ports';
import { collection } from './mongo';
import { isDuplicateKey } from './mongo';
import { classifyDatabaseErrors } from './database-errors';

interface LeaseDocument {
  _id: string;
  holder: string;
  untilMs: number;
}

/**
 * A time-boxed lease in one document, so that of several replicas one runs the sweep at a time (single-
 * document atomic update; FerretDB has no transactions and needs none here).
 */
export function createLeaseRepository(
  connection: Connection,
  { now: wallClock }: { now: () => number },
): LeaseRepository {
  const leases = collection<LeaseDocument>(connection, 'leases');
  return classifyDatabaseErrors('leases', {
    /** True when `holder` holds the lease named `name` for the next `ttlMs`. */
    async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
      const now = wallClock();
      const updated = await leases.updateOne(
        { _id: name, $or: [{ holder }, { untilMs: { $lt: now } }] },
        { $set: { holder, untilMs: now + ttlMs } },
      );
      if (updated.matchedCount > 0) return true;
      try {
        await leases.insertOne({ _id: name, holder, untilMs: now + ttlMs });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    async release(name: string, holder: string): Promise<void> {
      await leases.deleteOne({ _id: name, holder });
    },
    async read(name: string) {
      const found = await leases.findOne({ _id: name });
      return found ? { holder: found.holder, untilMs: found.untilMs } : undefined;
    },
  });
}

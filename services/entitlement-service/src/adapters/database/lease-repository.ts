import { Schema, type Connection } from 'mongoose';
import type { LeaseRepository } from '../../application/ports';
import { isDuplicateKey, modelOn, STORED_AS_WRITTEN } from './mongo';

interface LeaseDocument {
  _id: string;
  holder: string;
  untilMs: number;
}

const leaseSchema = new Schema<LeaseDocument>(
  {
    _id: { type: String, required: true, minlength: 1 },
    holder: { type: String, required: true, minlength: 1 },
    untilMs: { type: Number, required: true, min: 0 },
  },
  { ...STORED_AS_WRITTEN, collection: 'leases' },
);

/**
 * A time-boxed lease in one document, so that of several replicas one runs the sweep at a time (single-
 * document atomic update; FerretDB has no transactions and needs none here).
 */
export function createLeaseRepository(
  connection: Connection,
  { now: wallClock }: { now: () => number },
): LeaseRepository {
  const Lease = modelOn(connection, 'Lease', leaseSchema);
  return {
    /** True when `holder` holds the lease named `name` for the next `ttlMs`. */
    async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
      const now = wallClock();
      const updated = await Lease.updateOne(
        { _id: name, $or: [{ holder }, { untilMs: { $lt: now } }] },
        { $set: { holder, untilMs: now + ttlMs } },
        { runValidators: true },
      );
      if (updated.matchedCount > 0) return true;
      try {
        await Lease.create({ _id: name, holder, untilMs: now + ttlMs });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    async release(name: string, holder: string): Promise<void> {
      await Lease.deleteOne({ _id: name, holder });
    },
  };
}

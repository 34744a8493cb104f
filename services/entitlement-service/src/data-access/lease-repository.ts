import { Schema, type Connection } from 'mongoose';
import { isDuplicateKey } from './mongo';

interface LeaseDocument {
  _id: string;
  holder: string;
  untilMs: number;
}

const schema = new Schema<LeaseDocument>(
  { _id: { type: String, required: true }, holder: String, untilMs: Number },
  { collection: 'leases', versionKey: false },
);

/**
 * A time-boxed lease in one document, so that of several replicas one runs the sweep at a time (single-
 * document atomic update; FerretDB has no transactions and needs none here).
 */
export function createLeaseRepository(connection: Connection) {
  const Leases = connection.model<LeaseDocument>('Lease', schema);
  return {
    /** True when `holder` holds the lease named `name` for the next `ttlMs`. */
    async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
      const now = Date.now();
      const updated = await Leases.updateOne(
        { _id: name, $or: [{ holder }, { untilMs: { $lt: now } }] },
        { $set: { holder, untilMs: now + ttlMs } },
      );
      if (updated.matchedCount > 0) return true;
      try {
        await Leases.create({ _id: name, holder, untilMs: now + ttlMs });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    async release(name: string, holder: string): Promise<void> {
      await Leases.deleteOne({ _id: name, holder });
    },
  };
}

export type LeaseRepository = ReturnType<typeof createLeaseRepository>;

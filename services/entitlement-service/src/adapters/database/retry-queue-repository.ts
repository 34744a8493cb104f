import { Schema, type Connection } from 'mongoose';
import type { RetryQueueRepository } from '../../application/ports';
import { modelOn, STORED_AS_WRITTEN } from './mongo';

interface RetryDocument {
  _id: string;
  dueAtMs: number;
}

const retrySchema = new Schema<RetryDocument>(
  {
    _id: { type: String, required: true, minlength: 1 },
    dueAtMs: { type: Number, required: true, min: 0 },
  },
  { ...STORED_AS_WRITTEN, collection: 'retry-queue' },
);

/**
 * Users with a ledger row whose last attempt failed or did not finish, and when to try again. Small by
 * design (only users in trouble), so the sweep can scan it even where only `_id` lookups are indexed.
 */
export function createRetryQueueRepository(connection: Connection): RetryQueueRepository {
  const Retry = modelOn(connection, 'Retry', retrySchema);
  return {
    async schedule(userId: string, dueAtMs: number): Promise<void> {
      await Retry.updateOne({ _id: userId }, { $set: { dueAtMs } }, { upsert: true, runValidators: true });
    },
    async clear(userId: string): Promise<void> {
      await Retry.deleteOne({ _id: userId });
    },
    async due(nowMs: number, limit: number): Promise<string[]> {
      const docs = await Retry.find({ dueAtMs: { $lte: nowMs } })
        .sort({ dueAtMs: 1 })
        .limit(limit)
        .lean<RetryDocument[]>();
      return docs.map((doc) => doc._id);
    },
  };
}

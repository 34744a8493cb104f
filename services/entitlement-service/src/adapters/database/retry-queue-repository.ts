import type { Connection } from 'mongoose';
import type { RetryQueueRepository } from '../../application/ports';
import { collection } from './mongo';
import { classifyDatabaseErrors } from './database-errors';

interface RetryDocument {
  _id: string;
  dueAtMs: number;
}

/**
 * Users with a ledger row whose last attempt failed or did not finish, and when to try again. Small by
 * design (only users in trouble), so the sweep can scan it even where only `_id` lookups are indexed.
 */
export function createRetryQueueRepository(connection: Connection): RetryQueueRepository {
  const queue = collection<RetryDocument>(connection, 'retry-queue');
  return classifyDatabaseErrors('retries', {
    async schedule(userId: string, dueAtMs: number): Promise<void> {
      await queue.updateOne({ _id: userId }, { $set: { dueAtMs } }, { upsert: true });
    },
    async clear(userId: string): Promise<void> {
      await queue.deleteOne({ _id: userId });
    },
    async due(nowMs: number, limit: number): Promise<string[]> {
      const docs = await queue
        .find({ dueAtMs: { $lte: nowMs } })
        .sort({ dueAtMs: 1 })
        .limit(limit)
        .toArray();
      return docs.map((doc) => doc._id);
    },
  });
}

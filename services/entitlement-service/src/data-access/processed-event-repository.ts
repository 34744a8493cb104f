import type { Connection } from 'mongoose';
import { collection } from './mongo';
import { isDuplicateKey } from './mongo';

interface ProcessedEventDocument {
  _id: string;
  type: string;
  processedAt: Date;
}

export type ProcessedEventRepository = ReturnType<typeof createProcessedEventRepository>;

/**
 * Ids of webhook events already handled (DESIGN §3). The id is the document key, so the unique index on it
 * is MongoDB's own, and both operations are single `_id` operations. There is no TTL index (FerretDB has
 * none): the sweep deletes old entries.
 */
export function createProcessedEventRepository(connection: Connection) {
  const events = collection<ProcessedEventDocument>(connection, 'processed-events');
  return {
    async ensureIndexes(): Promise<void> {
      await events.createIndex({ processedAt: 1 }).catch(() => undefined);
    },
    async has(eventId: string): Promise<boolean> {
      return (await events.findOne({ _id: eventId }, { projection: { _id: 1 } })) !== null;
    },
    /** Records the id; a second record of the same id is not an error (a redelivery finished twice). */
    async mark(eventId: string, type: string): Promise<void> {
      try {
        await events.insertOne({ _id: eventId, type, processedAt: new Date() });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    },
    async deleteOlderThan(before: Date): Promise<number> {
      return (await events.deleteMany({ processedAt: { $lt: before } })).deletedCount;
    },
  };
}

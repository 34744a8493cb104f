import { Schema, type Connection } from 'mongoose';
import { isDuplicateKey } from './mongo';

interface ProcessedEventDocument {
  _id: string;
  type: string;
  processedAt: Date;
}

const schema = new Schema<ProcessedEventDocument>(
  { _id: { type: String, required: true }, type: String, processedAt: Date },
  { collection: 'processed-events', versionKey: false },
);
schema.index({ processedAt: 1 });

export type ProcessedEventRepository = ReturnType<typeof createProcessedEventRepository>;

/**
 * Ids of webhook events already handled (DESIGN §3). The id is the document key, so the unique index
 * on it is MongoDB's own. There is no TTL index (FerretDB has none): the sweep deletes old entries.
 */
export function createProcessedEventRepository(connection: Connection) {
  const Events = connection.model<ProcessedEventDocument>('ProcessedEvent', schema);
  return {
    async ensureIndexes(): Promise<void> {
      await Events.createCollection().catch(() => undefined);
      await Events.createIndexes();
    },
    async has(eventId: string): Promise<boolean> {
      return (await Events.exists({ _id: eventId })) !== null;
    },
    /** Records the id; a second record of the same id is not an error (a redelivery finished twice). */
    async mark(eventId: string, type: string): Promise<void> {
      try {
        await Events.create({ _id: eventId, type, processedAt: new Date() });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    },
    async deleteOlderThan(before: Date): Promise<number> {
      return (await Events.deleteMany({ processedAt: { $lt: before } })).deletedCount;
    },
  };
}

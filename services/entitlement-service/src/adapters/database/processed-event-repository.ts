import type { Connection } from 'mongoose';
import type { ProcessedEventRepository } from '../../application/ports';
import { collection } from './mongo';
import { isDuplicateKey } from './mongo';
import { classifyDatabaseErrors } from './database-errors';

interface ProcessedEventDocument {
  _id: string;
  type: string;
  processedAt: Date;
}

/**
 * Ids of webhook events already handled (DESIGN §3). The id is the document key, so the unique index on it
 * is MongoDB's own, and both operations are single `_id` operations. There is no TTL index (FerretDB has
 * none): the sweep deletes old entries.
 */
export function createProcessedEventRepository(
  connection: Connection,
  { now, batchMs = 5, maxBatch = 200 }: { now: () => number; batchMs?: number; maxBatch?: number },
): ProcessedEventRepository & { ensureIndexes(): Promise<void> } {
  const events = collection<ProcessedEventDocument>(connection, 'processed-events');
  // Marks arriving within a few milliseconds share one insertMany: FerretDB costs per operation, and every
  // webhook ends with a mark. Each caller still waits for its own mark (it precedes the offset commit).
  let batch: Array<{ doc: ProcessedEventDocument; done: (error?: unknown) => void }> = [];
  let timer: NodeJS.Timeout | undefined;

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const pending = batch;
    batch = [];
    if (pending.length === 0) return;
    try {
      await events.insertMany(
        pending.map((p) => p.doc),
        { ordered: false },
      );
      pending.forEach((p) => p.done());
    } catch (error) {
      // Duplicates (a redelivery finished twice) are fine; anything else fails every waiter of the batch.
      const writeErrors = (error as { writeErrors?: Array<{ code?: number }> }).writeErrors;
      const onlyDuplicates = isDuplicateKey(error) && (writeErrors ?? []).every((e) => e.code === 11000);
      pending.forEach((p) => (onlyDuplicates ? p.done() : p.done(error)));
    }
  }

  return classifyDatabaseErrors('processed', {
    async ensureIndexes(): Promise<void> {
      await events.createIndex({ processedAt: 1 }).catch(() => undefined);
    },
    async has(eventId: string): Promise<boolean> {
      return (await events.findOne({ _id: eventId }, { projection: { _id: 1 } })) !== null;
    },
    /** Records the id; a second record of the same id is not an error (a redelivery finished twice). */
    mark(eventId: string, type: string): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        batch.push({
          doc: { _id: eventId, type, processedAt: new Date(now()) },
          done: (e) => (e ? reject(e) : resolve()),
        });
        if (batch.length >= maxBatch) void flush();
        else timer ??= setTimeout(() => void flush(), batchMs);
      });
    },
    async deleteOlderThan(before: Date): Promise<number> {
      return (await events.deleteMany({ processedAt: { $lt: before } })).deletedCount;
    },
  });
}

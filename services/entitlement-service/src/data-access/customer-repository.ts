import { Schema, type Connection } from 'mongoose';
import type { Subscriber } from '../domain/subscriber';
import { isDuplicateKey } from './mongo';
import { loadExpiry, storeExpiry } from './stored-expiry';

export interface CustomerRecord {
  userId: string;
  snapshot: Subscriber | undefined;
  /** RevenueCat request date of the stored snapshot. */
  fetchedAtMs: number | undefined;
  /** The watermark: request date of the last snapshot whose handling finished (domain/watermark.ts). */
  settledAtMs: number | undefined;
  /** Wall time of the last store. */
  syncedAt: Date | undefined;
  /** Team lines (management entitlements) whose state was ever applied for this user as subscriber. */
  teamLines: string[];
  /** RevenueCat time after which the sweep re-checks the user's teams (just past the earliest period end). */
  nextTeamCheckAtMs: number | undefined;
}

interface CustomerDocument {
  _id: string;
  snapshot?: Record<string, unknown>;
  fetchedAtMs?: number;
  settledAtMs?: number;
  syncedAt?: Date;
  teamLines?: string[];
  nextTeamCheckAtMs?: number;
}

const schema = new Schema<CustomerDocument>(
  {
    _id: { type: String, required: true },
    snapshot: { type: Schema.Types.Mixed },
    fetchedAtMs: Number,
    settledAtMs: Number,
    syncedAt: Date,
    teamLines: [String],
    nextTeamCheckAtMs: Number,
  },
  { collection: 'customers', versionKey: false, minimize: false },
);
schema.index({ nextTeamCheckAtMs: 1 });
schema.index({ syncedAt: 1 });

function toStored(subscriber: Subscriber): Record<string, unknown> {
  return {
    originalAppUserId: subscriber.originalAppUserId,
    requestDateMs: subscriber.requestDateMs,
    entitlements: subscriber.entitlements.map((e) => ({ ...e, expiresAt: storeExpiry(e.expiresAt) })),
    subscriptions: subscriber.subscriptions.map((s) => ({ ...s, expiresAt: storeExpiry(s.expiresAt) })),
  };
}

function fromStored(userId: string, stored: Record<string, unknown>): Subscriber {
  const s = stored as unknown as Subscriber & {
    entitlements: Array<Subscriber['entitlements'][number] & { expiresAt: number | null }>;
    subscriptions: Array<Subscriber['subscriptions'][number] & { expiresAt: number | null }>;
  };
  return {
    appUserId: userId,
    originalAppUserId: s.originalAppUserId,
    requestDateMs: s.requestDateMs,
    entitlements: (s.entitlements ?? []).map((e) => ({ ...e, expiresAt: loadExpiry(e.expiresAt) })),
    subscriptions: (s.subscriptions ?? []).map((x) => ({ ...x, expiresAt: loadExpiry(x.expiresAt) })),
  };
}

export type CustomerRepository = ReturnType<typeof createCustomerRepository>;

/** Customer snapshots (DESIGN §3): the latest subscriber fetched from RevenueCat per app user id. */
export function createCustomerRepository(connection: Connection) {
  const Customers = connection.model<CustomerDocument>('Customer', schema);

  const toRecord = (doc: CustomerDocument): CustomerRecord => ({
    userId: doc._id,
    snapshot: doc.snapshot ? fromStored(doc._id, doc.snapshot) : undefined,
    fetchedAtMs: doc.fetchedAtMs,
    settledAtMs: doc.settledAtMs,
    syncedAt: doc.syncedAt,
    teamLines: doc.teamLines ?? [],
    nextTeamCheckAtMs: doc.nextTeamCheckAtMs,
  });

  return {
    async ensureIndexes(): Promise<void> {
      await Customers.createCollection().catch(() => undefined);
      await Customers.createIndexes();
    },

    async get(userId: string): Promise<CustomerRecord | undefined> {
      const doc = await Customers.findById(userId).lean<CustomerDocument>();
      return doc ? toRecord(doc) : undefined;
    },

    async getMany(userIds: readonly string[]): Promise<CustomerRecord[]> {
      if (userIds.length === 0) return [];
      const docs = await Customers.find({ _id: { $in: [...userIds] } }).lean<CustomerDocument[]>();
      return docs.map(toRecord);
    },

    /** Ids among `userIds` that have a stored customer. */
    async known(userIds: readonly string[]): Promise<string[]> {
      if (userIds.length === 0) return [];
      const docs = await Customers.find({ _id: { $in: [...userIds] } }, { _id: 1 }).lean<
        CustomerDocument[]
      >();
      return docs.map((doc) => doc._id);
    },

    /**
     * Stores the snapshot unless a newer one (by RevenueCat's clock) is already stored: two fetches for
     * one user racing must not leave the older one. Returns false when the stored one was newer.
     */
    async storeSnapshot(subscriber: Subscriber): Promise<boolean> {
      const set = {
        snapshot: toStored(subscriber),
        fetchedAtMs: subscriber.requestDateMs,
        syncedAt: new Date(),
      };
      const updated = await Customers.updateOne(
        { _id: subscriber.appUserId, fetchedAtMs: { $lte: subscriber.requestDateMs } },
        { $set: set },
      );
      if (updated.matchedCount > 0) return true;
      try {
        await Customers.create({ _id: subscriber.appUserId, ...set, teamLines: [] });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) {
          // The document exists: either with a newer snapshot, or with none yet (created by addTeamLines).
          const filled = await Customers.updateOne(
            { _id: subscriber.appUserId, fetchedAtMs: { $exists: false } },
            { $set: set },
          );
          return filled.matchedCount > 0;
        }
        throw error;
      }
    },

    /** Moves the watermark forward (never back). */
    async markSettled(userId: string, requestDateMs: number): Promise<void> {
      await Customers.updateOne({ _id: userId }, { $max: { settledAtMs: requestDateMs } });
    },

    async addTeamLines(userId: string, lines: readonly string[]): Promise<void> {
      if (lines.length === 0) return;
      await Customers.updateOne(
        { _id: userId },
        { $addToSet: { teamLines: { $each: [...lines] } } },
        { upsert: true },
      );
    },

    async setNextTeamCheck(userId: string, atMs: number | undefined): Promise<void> {
      await Customers.updateOne(
        { _id: userId },
        atMs === undefined ? { $unset: { nextTeamCheckAtMs: 1 } } : { $set: { nextTeamCheckAtMs: atMs } },
      );
    },

    /** Subscribers whose team check is due (RevenueCat time), earliest first. */
    async teamChecksDue(nowMs: number, limit: number): Promise<string[]> {
      const docs = await Customers.find({ nextTeamCheckAtMs: { $lte: nowMs } }, { _id: 1 })
        .sort({ nextTeamCheckAtMs: 1 })
        .limit(limit)
        .lean<CustomerDocument[]>();
      return docs.map((doc) => doc._id);
    },

    /** Users whose snapshot is older than `beforeMs` (wall time), oldest first: the sweep's candidates. */
    async staleSince(before: Date, limit: number): Promise<string[]> {
      const docs = await Customers.find({ syncedAt: { $lt: before } }, { _id: 1 })
        .sort({ syncedAt: 1 })
        .limit(limit)
        .lean<CustomerDocument[]>();
      return docs.map((doc) => doc._id);
    },
  };
}

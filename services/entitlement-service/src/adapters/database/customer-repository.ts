import type { Connection, UpdateQuery } from 'mongoose';
import type { CustomerRepository } from '../../application/ports';
import type { CustomerPatch, CustomerRecord } from '../../domain/customer';
import { customerModel, toRecord, toStoredSnapshot, type CustomerDocument } from './customer-document';
import { createIndexes, isDuplicateKey } from './mongo';
import { storeGrant } from './stored-grant';

type IdOnly = Pick<CustomerDocument, '_id'>;

/**
 * One document per app user id (DESIGN §3): the record of domain/customer.ts. Keeping the ledger in the
 * same document makes a reconciled user one read and one write; FerretDB (local and CI) only serves `_id`
 * lookups without a scan and allows one writer at a time, so the number of writes per user bounds
 * throughput (ADR 0005).
 */
export function createCustomerRepository(
  connection: Connection,
  { now }: { now: () => number },
): CustomerRepository & { ensureIndexes(): Promise<void> } {
  const Customer = customerModel(connection);

  function updateOf(patch: CustomerPatch): UpdateQuery<CustomerDocument> {
    const set: Record<string, unknown> = {};
    const unset: Record<string, 1> = {};
    if (patch.snapshot) {
      set.snapshot = toStoredSnapshot(patch.snapshot);
      set.fetchedAtMs = patch.snapshot.requestDateMs;
      set.syncedAt = new Date(now());
    }
    if (patch.grants) set.grants = JSON.stringify(patch.grants.map(storeGrant));
    if (patch.teamTerms) set.teamTerms = JSON.stringify(patch.teamTerms);
    if (patch.retryQueued !== undefined) set.retryQueued = patch.retryQueued;
    if (patch.nextTeamCheckAtMs === null) unset.nextTeamCheckAtMs = 1;
    else if (patch.nextTeamCheckAtMs !== undefined) set.nextTeamCheckAtMs = patch.nextTeamCheckAtMs;
    const update: UpdateQuery<CustomerDocument> = {};
    if (Object.keys(set).length > 0) update.$set = set;
    if (Object.keys(unset).length > 0) update.$unset = unset;
    if (patch.settledAtMs !== undefined) update.$max = { settledAtMs: patch.settledAtMs };
    if (patch.addTeamLines && patch.addTeamLines.length > 0) {
      update.$addToSet = { teamLines: { $each: [...patch.addTeamLines] } };
    }
    return update;
  }

  function newDocument(userId: string, patch: CustomerPatch): CustomerDocument {
    return {
      _id: userId,
      snapshot: patch.snapshot ? toStoredSnapshot(patch.snapshot) : null,
      fetchedAtMs: patch.snapshot?.requestDateMs ?? 0,
      ...(patch.snapshot ? { syncedAt: new Date(now()) } : {}),
      ...(patch.settledAtMs !== undefined ? { settledAtMs: patch.settledAtMs } : {}),
      teamLines: [...new Set(patch.addTeamLines ?? [])],
      ...(typeof patch.nextTeamCheckAtMs === 'number' ? { nextTeamCheckAtMs: patch.nextTeamCheckAtMs } : {}),
      grants: JSON.stringify((patch.grants ?? []).map(storeGrant)),
      teamTerms: JSON.stringify(patch.teamTerms ?? []),
      retryQueued: patch.retryQueued ?? false,
      revision: 1,
    };
  }

  return {
    // _id is the only lookup on the hot paths; these serve the sweep on a real MongoDB.
    ensureIndexes: () => createIndexes(Customer, [{ nextTeamCheckAtMs: 1 }, { syncedAt: 1 }]),

    // Reads are lean: the document comes back as the driver gives it, never hydrated (CheckAccess reads here).
    async get(userId: string): Promise<CustomerRecord | undefined> {
      const doc = await Customer.findById(userId).lean<CustomerDocument>();
      return doc ? toRecord(doc) : undefined;
    },

    /** The document's revision: null when there is no document, undefined when it has none yet. */
    async revisionOf(userId: string): Promise<number | null | undefined> {
      const doc = await Customer.findById(userId, { revision: 1 }).lean<Pick<CustomerDocument, 'revision'>>();
      return doc ? (doc.revision ?? undefined) : null;
    },

    async getMany(userIds: readonly string[]): Promise<CustomerRecord[]> {
      if (userIds.length === 0) return [];
      return (await Customer.find({ _id: { $in: [...userIds] } }).lean<CustomerDocument[]>()).map(toRecord);
    },

    /** Ids among `userIds` that have a stored customer. */
    async known(userIds: readonly string[]): Promise<string[]> {
      const found = await Promise.all(
        userIds.map(async (id) =>
          (await Customer.findById(id, { _id: 1 }).lean<IdOnly>()) ? id : undefined,
        ),
      );
      return found.filter((id): id is string => id !== undefined);
    },

    /**
     * Applies the patch in one write and answers the document's revision after it (undefined when nothing
     * was written): an insert when the caller knows the user is new, an update by `_id`
     * otherwise (FerretDB scans for anything but `_id`). Whether a snapshot is newer than the stored one is
     * decided by the caller from the document it has just read, under the per-user lock (application/user-locks.ts).
     */
    async update(userId: string, patch: CustomerPatch, { isNew = false } = {}): Promise<number | undefined> {
      const changes = updateOf(patch);
      if (Object.keys(changes).length === 0) return undefined;
      const update = { ...changes, $inc: { revision: 1 } };
      const inserted = async (): Promise<number | undefined> => {
        try {
          // Validated against the schema, then one insert.
          await Customer.create(newDocument(userId, patch));
          return 1;
        } catch (error) {
          // Created meanwhile by another writer: the patch is applied to it below.
          if (!isDuplicateKey(error)) throw error;
          return undefined;
        }
      };
      const updated = async (): Promise<number | undefined> => {
        // The whole document comes back: FerretDB implements no projection in findAndModify. The update
        // validators check what $set and $addToSet write; $inc and $max are cast only.
        const after = await Customer.findOneAndUpdate({ _id: userId }, update, {
          returnDocument: 'after',
          runValidators: true,
        }).lean<CustomerDocument>();
        return after === null ? undefined : (after.revision ?? 0);
      };
      if (isNew) {
        const revision = await inserted();
        if (revision !== undefined) return revision;
      }
      const revision = await updated();
      if (revision !== undefined) return revision;
      return (await inserted()) ?? (await updated());
    },

    /** Subscribers whose team check is due (RevenueCat time), earliest first. */
    async teamChecksDue(nowMs: number, limit: number): Promise<string[]> {
      const docs = await Customer.find({ nextTeamCheckAtMs: { $lte: nowMs } }, { _id: 1 })
        .sort({ nextTeamCheckAtMs: 1 })
        .limit(limit)
        .lean<IdOnly[]>();
      return docs.map((doc) => doc._id);
    },

    /** Users whose snapshot was stored before `before` (wall time), oldest first: the sweep's candidates. */
    async staleSince(before: Date, limit: number): Promise<string[]> {
      const docs = await Customer.find({ syncedAt: { $lt: before } }, { _id: 1 })
        .sort({ syncedAt: 1 })
        .limit(limit)
        .lean<IdOnly[]>();
      return docs.map((doc) => doc._id);
    },
  };
}

import type { Connection } from 'mongoose';
import { collection } from './mongo';
import type { CustomerRepository } from '../../application/ports';
import type { CustomerPatch, CustomerRecord } from '../../domain/customer';
import type { Subscriber } from '../../domain/subscriber';
import type { TeamTerms } from '../../domain/team-terms';
import { loadGrant, storeGrant, type StoredGrant } from './stored-grant';
import { isDuplicateKey } from './mongo';
import { loadExpiry, storeExpiry } from './stored-expiry';
import { classifyDatabaseErrors } from './database-errors';

// The snapshot and the ledger rows are stored as JSON strings: nothing ever queries inside them, and
// FerretDB handles one string field several times faster than the nested document (ADR 0005).
interface CustomerDocument {
  _id: string;
  snapshot?: string | null;
  fetchedAtMs: number;
  settledAtMs?: number;
  syncedAt?: Date;
  teamLines?: string[];
  nextTeamCheckAtMs?: number;
  grants?: string;
  teamTerms?: string;
  retryQueued?: boolean;
  revision?: number;
}

/**
 * A stored snapshot starts with its RevenueCat request date and then the time it was written, zero-padded
 * (`~<request ms>.<written ms>|<json>`), so that `$max` keeps the newer of two snapshots in the write itself,
 * with the `_id`-only filter FerretDB serves without a scan; of two with the same request date the later
 * write wins. `~` sorts after `{`: a snapshot stored before the stamp is replaced by any stamped one.
 */
const STAMP = '~';

const padded = (ms: number) => String(Math.max(0, Math.trunc(ms))).padStart(16, '0');

function stamped(requestDateMs: number, writtenAtMs: number, json: string): string {
  return `${STAMP}${padded(requestDateMs)}.${padded(writtenAtMs)}|${json}`;
}

function unstamped(stored: string): string {
  return stored.startsWith(STAMP) ? stored.slice(stored.indexOf('|') + 1) : stored;
}

function toStored(subscriber: Subscriber, writtenAtMs: number): string {
  return stamped(subscriber.requestDateMs, writtenAtMs, toJson(subscriber));
}

function toJson(subscriber: Subscriber): string {
  return JSON.stringify({
    originalAppUserId: subscriber.originalAppUserId,
    requestDateMs: subscriber.requestDateMs,
    entitlements: subscriber.entitlements.map((e) => ({ ...e, expiresAt: storeExpiry(e.expiresAt) })),
    subscriptions: subscriber.subscriptions.map((s) => ({ ...s, expiresAt: storeExpiry(s.expiresAt) })),
  });
}

type StoredSubscriber = Omit<Subscriber, 'entitlements' | 'subscriptions'> & {
  entitlements: Array<Subscriber['entitlements'][number] & { expiresAt: number | null }>;
  subscriptions: Array<Subscriber['subscriptions'][number] & { expiresAt: number | null }>;
};

function fromStored(userId: string, stored: string): Subscriber {
  const s = JSON.parse(unstamped(stored)) as StoredSubscriber;
  return {
    appUserId: userId,
    originalAppUserId: s.originalAppUserId,
    requestDateMs: s.requestDateMs,
    entitlements: (s.entitlements ?? []).map((e) => ({ ...e, expiresAt: loadExpiry(e.expiresAt) })),
    subscriptions: (s.subscriptions ?? []).map((x) => ({ ...x, expiresAt: loadExpiry(x.expiresAt) })),
  };
}

function toRecord(doc: CustomerDocument): CustomerRecord {
  return {
    userId: doc._id,
    snapshot: doc.snapshot ? fromStored(doc._id, doc.snapshot) : undefined,
    fetchedAtMs: doc.snapshot ? doc.fetchedAtMs : undefined,
    settledAtMs: doc.settledAtMs ?? undefined,
    syncedAt: doc.syncedAt ?? undefined,
    teamLines: doc.teamLines ?? [],
    nextTeamCheckAtMs: doc.nextTeamCheckAtMs ?? undefined,
    grants: doc.grants ? (JSON.parse(doc.grants) as StoredGrant[]).map((g) => loadGrant(doc._id, g)) : [],
    teamTerms: doc.teamTerms ? (JSON.parse(doc.teamTerms) as TeamTerms[]) : [],
    retryQueued: doc.retryQueued ?? false,
    revision: doc.revision ?? undefined,
  };
}

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
  const customers = collection<CustomerDocument>(connection, 'customers');

  function updateOf(patch: CustomerPatch) {
    const set: Record<string, unknown> = {};
    const unset: Record<string, 1> = {};
    const max: Record<string, unknown> = {};
    if (patch.snapshot) {
      // The condition lives in the write (ADR 0006, 0021): whichever replica writes, an older snapshot never
      // replaces a newer one.
      max.snapshot = toStored(patch.snapshot, now());
      max.fetchedAtMs = patch.snapshot.requestDateMs;
      set.syncedAt = new Date(now());
    }
    if (patch.grants) set.grants = JSON.stringify(patch.grants.map(storeGrant));
    if (patch.teamTerms) set.teamTerms = JSON.stringify(patch.teamTerms);
    if (patch.retryQueued !== undefined) set.retryQueued = patch.retryQueued;
    if (patch.nextTeamCheckAtMs === null) unset.nextTeamCheckAtMs = 1;
    else if (patch.nextTeamCheckAtMs !== undefined) set.nextTeamCheckAtMs = patch.nextTeamCheckAtMs;
    const update: Record<string, unknown> = {};
    if (Object.keys(set).length > 0) update.$set = set;
    if (Object.keys(unset).length > 0) update.$unset = unset;
    if (patch.settledAtMs !== undefined) max.settledAtMs = patch.settledAtMs;
    if (Object.keys(max).length > 0) update.$max = max;
    if (patch.addTeamLines && patch.addTeamLines.length > 0) {
      update.$addToSet = { teamLines: { $each: [...patch.addTeamLines] } };
    }
    return update;
  }

  function newDocument(userId: string, patch: CustomerPatch): CustomerDocument {
    return {
      _id: userId,
      snapshot: patch.snapshot ? toStored(patch.snapshot, now()) : null,
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

  return classifyDatabaseErrors('customers', {
    async ensureIndexes(): Promise<void> {
      // _id is the only lookup on the hot paths; these serve the sweep on a real MongoDB.
      await customers.createIndex({ nextTeamCheckAtMs: 1 }).catch(() => undefined);
      await customers.createIndex({ syncedAt: 1 }).catch(() => undefined);
    },

    async get(userId: string): Promise<CustomerRecord | undefined> {
      const doc = await customers.findOne({ _id: userId });
      return doc ? toRecord(doc) : undefined;
    },

    /** The document's revision: null when there is no document, undefined when it has none yet. */
    async revisionOf(userId: string): Promise<number | null | undefined> {
      const doc = await customers.findOne({ _id: userId }, { projection: { revision: 1 } });
      return doc ? (doc.revision ?? undefined) : null;
    },

    async getMany(userIds: readonly string[]): Promise<CustomerRecord[]> {
      if (userIds.length === 0) return [];
      return (await customers.find({ _id: { $in: [...userIds] } }).toArray()).map(toRecord);
    },

    /** Ids among `userIds` that have a stored customer. */
    async known(userIds: readonly string[]): Promise<string[]> {
      const found = await Promise.all(
        userIds.map(async (id) =>
          (await customers.findOne({ _id: id }, { projection: { _id: 1 } })) ? id : undefined,
        ),
      );
      return found.filter((id): id is string => id !== undefined);
    },

    /**
     * Applies the patch in one write and answers the document's revision after it (undefined when nothing
     * was written): an insert when the caller knows the user is new, an update by `_id`
     * otherwise (FerretDB scans for anything but `_id`). The caller stores a snapshot only when it is newer
     * than the one it has just read (under the per-user lock, application/user-locks.ts); the write checks
     * it again with `$max` on the stamped snapshot, since another replica may have stored a newer one
     * meanwhile: then the rest of the patch is written and the snapshot stays the newer one.
     */
    async update(userId: string, patch: CustomerPatch, { isNew = false } = {}): Promise<number | undefined> {
      const changes = updateOf(patch);
      if (Object.keys(changes).length === 0) return undefined;
      const update = { ...changes, $inc: { revision: 1 } };
      const inserted = async (): Promise<number | undefined> => {
        try {
          await customers.insertOne(newDocument(userId, patch));
          return 1;
        } catch (error) {
          // Created meanwhile by another writer: the patch is applied to it below.
          if (!isDuplicateKey(error)) throw error;
          return undefined;
        }
      };
      const updated = async (): Promise<number | undefined> => {
        // The whole document comes back: FerretDB implements no projection in findAndModify.
        const after = await customers.findOneAndUpdate({ _id: userId }, update, { returnDocument: 'after' });
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
      const docs = await customers
        .find({ nextTeamCheckAtMs: { $lte: nowMs } }, { projection: { _id: 1 } })
        .sort({ nextTeamCheckAtMs: 1 })
        .limit(limit)
        .toArray();
      return docs.map((doc) => doc._id);
    },

    /** Users whose snapshot was stored before `before` (wall time), oldest first: the sweep's candidates. */
    async staleSince(before: Date, limit: number): Promise<string[]> {
      const docs = await customers
        .find({ syncedAt: { $lt: before } }, { projection: { _id: 1 } })
        .sort({ syncedAt: 1 })
        .limit(limit)
        .toArray();
      return docs.map((doc) => doc._id);
    },
  });
}

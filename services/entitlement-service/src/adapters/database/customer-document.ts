import { Schema, type Connection, type Model } from 'mongoose';
import type { CustomerRecord } from '../../domain/customer';
import type { Subscriber } from '../../domain/subscriber';
import type { TeamTerms } from '../../domain/team-terms';
import { modelOn, STORED_AS_WRITTEN } from './mongo';
import { loadExpiry, storeExpiry } from './stored-expiry';
import { loadGrant, type StoredGrant } from './stored-grant';

// The snapshot and the ledger rows are stored as JSON strings: nothing ever queries inside them, and
// FerretDB handles one string field several times faster than the nested document (ADR 0005).
export interface CustomerDocument {
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

export function toStoredSnapshot(subscriber: Subscriber): string {
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

function fromStoredSnapshot(userId: string, stored: string): Subscriber {
  const s = JSON.parse(stored) as StoredSubscriber;
  return {
    appUserId: userId,
    originalAppUserId: s.originalAppUserId,
    requestDateMs: s.requestDateMs,
    entitlements: (s.entitlements ?? []).map((e) => ({ ...e, expiresAt: loadExpiry(e.expiresAt) })),
    subscriptions: (s.subscriptions ?? []).map((x) => ({ ...x, expiresAt: loadExpiry(x.expiresAt) })),
  };
}

export function toRecord(doc: CustomerDocument): CustomerRecord {
  return {
    userId: doc._id,
    snapshot: doc.snapshot ? fromStoredSnapshot(doc._id, doc.snapshot) : undefined,
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

/** A JSON text field holds an object or an array, never a half-written value (null: none). */
const json = (open: '{' | '[') => ({
  validator: (value: unknown) => value == null || (typeof value === 'string' && value.startsWith(open)),
  message: `{PATH} must be JSON text starting with ${open}`,
});
const ms = { type: Number, min: 0 };

/**
 * The stored document, checked on every write: types are cast (a wrong one is refused), times are not
 * negative, the JSON fields hold JSON of the right kind. Paths in the order they are written.
 */
const customerSchema = new Schema<CustomerDocument>(
  {
    _id: { type: String, required: true, minlength: 1 },
    snapshot: { type: String, validate: json('{') },
    fetchedAtMs: { ...ms, required: true },
    syncedAt: Date,
    settledAtMs: ms,
    teamLines: { type: [String], default: undefined },
    nextTeamCheckAtMs: Number,
    grants: { type: String, validate: json('[') },
    teamTerms: { type: String, validate: json('[') },
    retryQueued: Boolean,
    revision: { type: Number, min: 1 },
  },
  { ...STORED_AS_WRITTEN, collection: 'customers' },
);

export const customerModel = (connection: Connection): Model<CustomerDocument> =>
  modelOn(connection, 'Customer', customerSchema);

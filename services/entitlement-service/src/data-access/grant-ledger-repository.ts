import { Schema, type Connection } from 'mongoose';
import type { Expiry } from '../domain/expiry';
import { loadOptionalExpiry, storeOptionalExpiry } from './stored-expiry';

/** Where a grant stands (entitlement_service.proto, GrantState). */
export type GrantState = 'in-sync' | 'grant-pending' | 'revoke-pending' | 'failed' | 'revoked';

/** One row of the ledger of promotional grants this system made: (user, entitlement). */
export interface GrantRecord {
  userId: string;
  entitlement: string;
  /** Teams that want the grant; empty when none does. */
  teamIds: string[];
  /** What the teams want (undefined: nothing, revoke). */
  desired: Expiry | undefined;
  /** What RevenueCat last reported for the promotional grant (undefined: none). */
  confirmed: Expiry | undefined;
  confirmedAtMs: number | undefined;
  state: GrantState;
  /** Attempts since the last success. */
  attempts: number;
  lastError: string | undefined;
  lastAttemptAtMs: number | undefined;
  /** When the sweep should try again (failed or pending rows only). */
  nextAttemptAtMs: number | undefined;
}

interface GrantDocument {
  userId: string;
  entitlement: string;
  teamIds: string[];
  desired?: number | null;
  hasDesired: boolean;
  confirmed?: number | null;
  hasConfirmed: boolean;
  confirmedAtMs?: number;
  state: GrantState;
  attempts: number;
  lastError?: string;
  lastAttemptAtMs?: number;
  nextAttemptAtMs?: number;
}

const schema = new Schema<GrantDocument>(
  {
    userId: { type: String, required: true },
    entitlement: { type: String, required: true },
    teamIds: [String],
    desired: { type: Number, default: undefined },
    hasDesired: Boolean,
    confirmed: { type: Number, default: undefined },
    hasConfirmed: Boolean,
    confirmedAtMs: Number,
    state: String,
    attempts: Number,
    lastError: String,
    lastAttemptAtMs: Number,
    nextAttemptAtMs: Number,
  },
  { collection: 'grants', versionKey: false },
);
schema.index({ userId: 1, entitlement: 1 }, { unique: true });
schema.index({ teamIds: 1 });
schema.index({ nextAttemptAtMs: 1 });

// null means lifetime, so "none" needs its own flag: absent fields and nulls are not told apart reliably.
function toDocument(record: GrantRecord): GrantDocument {
  const desired = storeOptionalExpiry(record.desired);
  const confirmed = storeOptionalExpiry(record.confirmed);
  return {
    userId: record.userId,
    entitlement: record.entitlement,
    teamIds: record.teamIds,
    desired: desired ?? null,
    hasDesired: desired !== undefined,
    confirmed: confirmed ?? null,
    hasConfirmed: confirmed !== undefined,
    confirmedAtMs: record.confirmedAtMs,
    state: record.state,
    attempts: record.attempts,
    lastError: record.lastError,
    lastAttemptAtMs: record.lastAttemptAtMs,
    nextAttemptAtMs: record.nextAttemptAtMs,
  };
}

function toRecord(doc: GrantDocument): GrantRecord {
  return {
    userId: doc.userId,
    entitlement: doc.entitlement,
    teamIds: doc.teamIds ?? [],
    desired: doc.hasDesired ? loadOptionalExpiry(doc.desired ?? null) : undefined,
    confirmed: doc.hasConfirmed ? loadOptionalExpiry(doc.confirmed ?? null) : undefined,
    confirmedAtMs: doc.confirmedAtMs ?? undefined,
    state: doc.state,
    attempts: doc.attempts ?? 0,
    lastError: doc.lastError ?? undefined,
    lastAttemptAtMs: doc.lastAttemptAtMs ?? undefined,
    nextAttemptAtMs: doc.nextAttemptAtMs ?? undefined,
  };
}

export type GrantLedgerRepository = ReturnType<typeof createGrantLedgerRepository>;

/**
 * The grant ledger (DESIGN §3). Rows of one user are written only by the reconciliation of that user,
 * which runs on one partition at a time, so whole-row writes do not race.
 */
export function createGrantLedgerRepository(connection: Connection) {
  const Grants = connection.model<GrantDocument>('Grant', schema);
  const unset = (doc: GrantDocument) =>
    Object.fromEntries(
      (['confirmedAtMs', 'lastError', 'lastAttemptAtMs', 'nextAttemptAtMs'] as const)
        .filter((key) => doc[key] === undefined)
        .map((key) => [key, 1]),
    );

  return {
    async ensureIndexes(): Promise<void> {
      await Grants.createCollection().catch(() => undefined);
      await Grants.createIndexes();
    },

    async forUser(userId: string): Promise<GrantRecord[]> {
      const docs = await Grants.find({ userId }).sort({ entitlement: 1 }).lean<GrantDocument[]>();
      return docs.map(toRecord);
    },

    async forUsers(userIds: readonly string[]): Promise<GrantRecord[]> {
      if (userIds.length === 0) return [];
      const docs = await Grants.find({ userId: { $in: [...userIds] } }).lean<GrantDocument[]>();
      return docs.map(toRecord);
    },

    async save(record: GrantRecord): Promise<void> {
      const doc = toDocument(record);
      const toUnset = unset(doc);
      const set = Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined));
      await Grants.updateOne(
        { userId: record.userId, entitlement: record.entitlement },
        Object.keys(toUnset).length > 0 ? { $set: set, $unset: toUnset } : { $set: set },
        { upsert: true },
      );
    },

    /** Users with a row whose retry is due: failed or left pending by an interrupted reconciliation. */
    async dueUsers(nowMs: number, limit: number): Promise<string[]> {
      const docs = await Grants.find(
        { state: { $in: ['failed', 'grant-pending', 'revoke-pending'] }, nextAttemptAtMs: { $lte: nowMs } },
        { userId: 1 },
      )
        .sort({ nextAttemptAtMs: 1 })
        .limit(limit)
        .lean<GrantDocument[]>();
      return [...new Set(docs.map((doc) => doc.userId))];
    },
  };
}

import type { GrantRecord, GrantState } from '../../domain/grant-record';
import { loadOptionalExpiry, storeOptionalExpiry } from './stored-expiry';

/**
 * A ledger row as stored in the customer document's `grants` string. Null means lifetime, so "none" needs
 * its own flag (absent and null are easily confused).
 */
export interface StoredGrant {
  entitlement: string;
  teamIds: string[];
  desired: number | null;
  hasDesired: boolean;
  confirmed: number | null;
  hasConfirmed: boolean;
  /** Absent in rows written before ADR 0029. */
  others?: number | null;
  hasOthers?: boolean;
  confirmedAtMs: number | null;
  state: GrantState;
  attempts: number;
  lastError: string | null;
  lastAttemptAtMs: number | null;
  nextAttemptAtMs: number | null;
}

export function storeGrant(record: GrantRecord): StoredGrant {
  const desired = storeOptionalExpiry(record.desired);
  const confirmed = storeOptionalExpiry(record.confirmed);
  const others = storeOptionalExpiry(record.others);
  return {
    entitlement: record.entitlement,
    teamIds: record.teamIds,
    desired: desired ?? null,
    hasDesired: desired !== undefined,
    confirmed: confirmed ?? null,
    hasConfirmed: confirmed !== undefined,
    others: others ?? null,
    hasOthers: others !== undefined,
    confirmedAtMs: record.confirmedAtMs ?? null,
    state: record.state,
    attempts: record.attempts,
    lastError: record.lastError ?? null,
    lastAttemptAtMs: record.lastAttemptAtMs ?? null,
    nextAttemptAtMs: record.nextAttemptAtMs ?? null,
  };
}

export function loadGrant(userId: string, stored: StoredGrant): GrantRecord {
  return {
    userId,
    entitlement: stored.entitlement,
    teamIds: stored.teamIds ?? [],
    desired: stored.hasDesired ? loadOptionalExpiry(stored.desired) : undefined,
    confirmed: stored.hasConfirmed ? loadOptionalExpiry(stored.confirmed) : undefined,
    ...(stored.hasOthers ? { others: loadOptionalExpiry(stored.others ?? null) } : {}),
    confirmedAtMs: stored.confirmedAtMs ?? undefined,
    state: stored.state,
    attempts: stored.attempts ?? 0,
    lastError: stored.lastError ?? undefined,
    lastAttemptAtMs: stored.lastAttemptAtMs ?? undefined,
    nextAttemptAtMs: stored.nextAttemptAtMs ?? undefined,
  };
}

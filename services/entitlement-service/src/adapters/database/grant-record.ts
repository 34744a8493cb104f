import type { Expiry } from '../../domain/expiry';
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

/** The stored form: null means lifetime, so "none" needs its own flag (absent and null are easily confused). */
export interface StoredGrant {
  entitlement: string;
  teamIds: string[];
  desired: number | null;
  hasDesired: boolean;
  confirmed: number | null;
  hasConfirmed: boolean;
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
  return {
    entitlement: record.entitlement,
    teamIds: record.teamIds,
    desired: desired ?? null,
    hasDesired: desired !== undefined,
    confirmed: confirmed ?? null,
    hasConfirmed: confirmed !== undefined,
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
    confirmedAtMs: stored.confirmedAtMs ?? undefined,
    state: stored.state,
    attempts: stored.attempts ?? 0,
    lastError: stored.lastError ?? undefined,
    lastAttemptAtMs: stored.lastAttemptAtMs ?? undefined,
    nextAttemptAtMs: stored.nextAttemptAtMs ?? undefined,
  };
}

/** Ledger rows wanted by at least one team: entitlement → teams (for labelling team grants). */
export function teamGrantsOf(grants: readonly GrantRecord[]): Map<string, string[]> {
  return new Map(grants.filter((g) => g.desired !== undefined).map((g) => [g.entitlement, g.teamIds]));
}

/** Rows equal in every field (written only when something changed). */
export function sameGrants(a: readonly GrantRecord[], b: readonly GrantRecord[]): boolean {
  return JSON.stringify(a.map(storeGrant)) === JSON.stringify(b.map(storeGrant));
}

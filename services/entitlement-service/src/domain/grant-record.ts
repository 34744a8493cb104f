import type { Expiry } from './expiry';

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
  /** What RevenueCat last reported for the promotional grants, ours and others' together (undefined: none). */
  confirmed: Expiry | undefined;
  /** Promotional access someone else gave, as last seen (ADR 0029); undefined: none. */
  others?: Expiry | undefined;
  confirmedAtMs: number | undefined;
  state: GrantState;
  /** Attempts since the last success. */
  attempts: number;
  lastError: string | undefined;
  lastAttemptAtMs: number | undefined;
  /** When the sweep should try again (failed or pending rows only). */
  nextAttemptAtMs: number | undefined;
}

/**
 * Ledger rows wanted by at least one team: entitlement → teams (for labelling team grants). A row whose
 * promotional access all comes from someone else's grant (ADR 0029) is not labelled a team grant.
 */
export function teamGrantsOf(grants: readonly GrantRecord[]): Map<string, string[]> {
  const ours = (g: GrantRecord) =>
    g.desired !== undefined &&
    !(g.others !== undefined && g.confirmed !== undefined && g.others >= g.confirmed);
  return new Map(grants.filter(ours).map((g) => [g.entitlement, g.teamIds]));
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

function sameGrant(a: GrantRecord, b: GrantRecord): boolean {
  return (
    a.entitlement === b.entitlement &&
    sameIds(a.teamIds, b.teamIds) &&
    a.desired === b.desired &&
    a.confirmed === b.confirmed &&
    a.others === b.others &&
    a.confirmedAtMs === b.confirmedAtMs &&
    a.state === b.state &&
    a.attempts === b.attempts &&
    a.lastError === b.lastError &&
    a.lastAttemptAtMs === b.lastAttemptAtMs &&
    a.nextAttemptAtMs === b.nextAttemptAtMs
  );
}

/**
 * Rows equal, in the same order, in every field the ledger stores (a user's rows are written only when
 * something changed). The user id is not compared: both lists are one user's rows.
 */
export function sameGrants(a: readonly GrantRecord[], b: readonly GrantRecord[]): boolean {
  return a.length === b.length && a.every((row, i) => sameGrant(row, b[i]!));
}

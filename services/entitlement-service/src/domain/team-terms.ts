import type { SeatHolding } from './desired-grants';
import { LIFETIME } from './expiry';

/**
 * What one team gives the user, as the newest grant-terms fact for (user, team) said (ADR 0016). Kept per
 * team in the user's ledger: a fact older than the stored one never wins, and the user's grants are
 * computed from every team's terms, so a user on several teams gets the best of them.
 */
export interface TeamTerms {
  teamId: string;
  teamVersion: number;
  productId: string;
  entitlements: string[];
  /** until: access until `untilMs` (the team's period end, before the grant buffer). */
  grant: { kind: 'until'; untilMs: number } | { kind: 'lifetime' } | { kind: 'none' };
}

/**
 * The stored terms with `incoming` applied: it replaces the team's entry only when its version is newer.
 * `changed` is false for a stale or repeated fact, which then changes nothing.
 */
export function applyTeamTerms(
  stored: readonly TeamTerms[],
  incoming: TeamTerms,
): { terms: TeamTerms[]; changed: boolean } {
  const current = stored.find((t) => t.teamId === incoming.teamId);
  if (current && current.teamVersion >= incoming.teamVersion) return { terms: [...stored], changed: false };
  const others = stored.filter((t) => t.teamId !== incoming.teamId);
  return { terms: [...others, incoming].sort((a, b) => a.teamId.localeCompare(b.teamId)), changed: true };
}

/** The seats the terms give, for computeDesiredGrants; teams giving nothing are left out. */
export function holdingsOf(
  terms: readonly TeamTerms[],
  bufferOf: (productId: string) => number,
): SeatHolding[] {
  return terms
    .filter((t) => t.grant.kind !== 'none')
    .map((t) => ({
      teamId: t.teamId,
      status: 'active',
      periodEndsAt: t.grant.kind === 'until' ? t.grant.untilMs : LIFETIME,
      memberEntitlements: t.entitlements,
      grantMode: t.grant.kind === 'lifetime' ? 'lifetime' : 'period',
      holdsSeat: true,
      bufferMs: bufferOf(t.productId),
    }));
}

/** Whether two terms for a team say the same at the same version (a fact and team-service's answer). */
export function sameTerms(a: TeamTerms | undefined, b: TeamTerms | undefined): boolean {
  return JSON.stringify(a && canonical(a)) === JSON.stringify(b && canonical(b));
}

function canonical(terms: TeamTerms) {
  const { teamId, teamVersion, productId, entitlements, grant } = terms;
  const until = grant.kind === 'until' ? grant.untilMs : null;
  return [teamId, teamVersion, productId, [...entitlements].sort(), grant.kind, until];
}

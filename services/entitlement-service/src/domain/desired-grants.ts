import { LIFETIME, isLifetime, type Expiry } from './expiry';
import type { TeamStatus } from './owner-team-state';

/** One team in which the user appears, as team-service reports it. */
export interface SeatHolding {
  teamId: string;
  status: TeamStatus;
  /** LIFETIME for a lifetime purchase; undefined when team-service has no period end. */
  periodEndsAt: Expiry | undefined;
  memberEntitlements: readonly string[];
  grantMode: 'period' | 'lifetime';
  /** False for an owner whose product does not give the owner a seat. */
  holdsSeat: boolean;
  /** The team product's grant buffer; the options' buffer when absent. */
  bufferMs?: number | undefined;
}

/** The grant wanted for one member entitlement, over all of the user's teams. */
export interface DesiredGrant {
  entitlement: string;
  expiresAt: Expiry;
  /** Every team that wants the grant, sorted. */
  teamIds: string[];
}

/**
 * How long one team's seat should give access: until the period end plus a buffer (so a renewal that
 * arrives a little late never interrupts access), or for life. undefined when the team gives nothing:
 * expired, no seat, or a period that ended longer ago than the buffer.
 */
export function seatGrantUntil(
  holding: SeatHolding,
  { nowMs, bufferMs }: { nowMs: number; bufferMs: number },
) {
  if (!holding.holdsSeat || holding.status === 'expired') return undefined;
  if (holding.grantMode === 'lifetime') return LIFETIME;
  if (holding.periodEndsAt === undefined) return undefined;
  if (isLifetime(holding.periodEndsAt)) return LIFETIME;
  const until = holding.periodEndsAt + (holding.bufferMs ?? bufferMs);
  return until > nowMs ? until : undefined;
}

/**
 * Computes, per member entitlement, the grant wanted across every team in which the user holds a seat:
 * the latest end wins, lifetime beats any date. Entitlements absent from the result are not wanted.
 * Pure and order-independent: the same holdings in any order give the same result.
 */
export function computeDesiredGrants(
  holdings: readonly SeatHolding[],
  options: { nowMs: number; bufferMs: number },
): Map<string, DesiredGrant> {
  const result = new Map<string, DesiredGrant>();
  for (const holding of holdings) {
    const until = seatGrantUntil(holding, options);
    if (until === undefined) continue;
    for (const entitlement of new Set(holding.memberEntitlements)) {
      const current = result.get(entitlement);
      if (!current) {
        result.set(entitlement, { entitlement, expiresAt: until, teamIds: [holding.teamId] });
        continue;
      }
      current.expiresAt = Math.max(current.expiresAt, until);
      if (!current.teamIds.includes(holding.teamId)) current.teamIds.push(holding.teamId);
    }
  }
  for (const grant of result.values()) grant.teamIds.sort();
  return result;
}

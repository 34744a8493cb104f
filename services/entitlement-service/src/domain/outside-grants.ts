import { isLifetime, type Expiry } from './expiry';
import { DEFAULT_TOLERANCE_MS } from './grant-plan';

/**
 * Promotional access teamseat did not give (ADR 0029): a grant made through RevenueCat's API or dashboard,
 * by support or another system. RevenueCat keeps no owner per grant and its revoke ends every promotional of
 * the entitlement, so the ledger tells the grants apart by their ends: what it last confirmed after its own
 * calls, and what it last saw of the others'.
 */
export interface LedgerMemory {
  /** The promotional expiry RevenueCat reported after teamseat's last call or check (all grants together). */
  confirmed: Expiry | undefined;
  /** Promotional access someone else gave, as last seen. */
  others?: Expiry | undefined;
}

export interface OutsideOptions {
  nowMs: number;
  toleranceMs?: number;
}

const near = (a: Expiry, b: Expiry, toleranceMs: number) =>
  a === b || (!isLifetime(a) && !isLifetime(b) && Math.abs(a - b) <= toleranceMs);

/** teamseat's own grant as the ledger last confirmed it: the confirmed end, when it reaches past the others'. */
export function ownGrantOf(
  memory: LedgerMemory,
  { nowMs, toleranceMs = DEFAULT_TOLERANCE_MS }: OutsideOptions,
): Expiry | undefined {
  const { confirmed, others } = memory;
  if (confirmed === undefined || confirmed <= nowMs) return undefined;
  if (others !== undefined && others > nowMs && (others >= confirmed || near(others, confirmed, toleranceMs)))
    return undefined;
  return confirmed;
}

/**
 * The end of the promotional access others gave, from the ends of the entitlement's active promotional
 * entries in a snapshot (`ends`, one per v1 `rc_promo_…` key) and the ledger's memory: every entry that is
 * not teamseat's own grant is someone else's. v1 lists one entry per key, so another grant under our key
 * that ends no later than ours is hidden behind it: it is remembered from when it was seen.
 * undefined: nobody else gives access now.
 */
export function outsidePromotional(
  ends: readonly Expiry[],
  memory: LedgerMemory | undefined,
  options: OutsideOptions,
): Expiry | undefined {
  const { nowMs, toleranceMs = DEFAULT_TOLERANCE_MS } = options;
  const active = ends.filter((end) => end > nowMs);
  const own = memory ? ownGrantOf(memory, options) : undefined;
  const unexplained = active.filter((end) => own === undefined || !near(end, own, toleranceMs));
  if (unexplained.length > 0) return Math.max(...unexplained);
  const remembered = memory?.others;
  const ownShows = own !== undefined && active.some((end) => near(end, own, toleranceMs));
  if (remembered !== undefined && remembered > nowMs && ownShows && remembered <= own) return remembered;
  return undefined;
}

/**
 * What the entitlement's promotional grants should add up to: what the teams want, never less than others
 * gave. Joining never shortens another grant; leaving gives back what it held (a revoke ends it too, so it is
 * made again), and a revoke that would change nothing is not made.
 */
export function promotionalTarget(want: Expiry | undefined, others: Expiry | undefined): Expiry | undefined {
  if (want === undefined) return others;
  if (others === undefined) return want;
  return Math.max(want, others);
}

import { isActiveAt, type Expiry } from './expiry';
import {
  findEntitlement,
  isPromotional,
  promotionalEntitlementOf,
  promotionalExpiry,
  type Subscriber,
} from './subscriber';

export type SourceKind = 'store' | 'team-grant' | 'promotional-other';

export interface AccessSource {
  kind: SourceKind;
  /** team-grant only: the teams that want the grant. */
  teamIds: string[];
  productId: string | null;
  expiresAt: Expiry;
}

export interface EntitlementAccess {
  entitlement: string;
  active: boolean;
  /** The longest source; undefined when there is none at all. */
  expiresAt: Expiry | undefined;
  /** The winning source first, then the others, longest first (active and inactive). */
  sources: AccessSource[];
}

/** What the grant ledger says about our own promotional grants for the user: entitlement → teams. */
export type TeamGrants = ReadonlyMap<string, readonly string[]>;

/**
 * Explains a user's access to one entitlement from the stored snapshot. v1 reports, per entitlement,
 * only its furthest-out source; promotional grants are also listed under `rc_promo_…` keys, so a store
 * purchase and a team grant can both be shown. A promotional grant is ours when the ledger wants it.
 */
export function entitlementAccess(
  subscriber: Subscriber,
  entitlement: string,
  teamGrants: TeamGrants,
  nowMs: number,
): EntitlementAccess {
  const sources: AccessSource[] = [];
  const summary = findEntitlement(subscriber, entitlement);
  const summaryProduct = summary?.productIdentifier ?? null;
  if (summary && (summaryProduct === null || promotionalEntitlementOf(summaryProduct) === undefined)) {
    sources.push({ kind: 'store', teamIds: [], productId: summaryProduct, expiresAt: summary.expiresAt });
  }
  const promo = promotionalExpiry(subscriber, entitlement);
  if (promo !== undefined) {
    const teams = teamGrants.get(entitlement) ?? [];
    sources.push({
      kind: teams.length > 0 ? 'team-grant' : 'promotional-other',
      teamIds: [...teams],
      productId: null,
      expiresAt: promo,
    });
  } else if (summary && summaryProduct !== null && promotionalEntitlementOf(summaryProduct) !== undefined) {
    sources.push({ kind: 'promotional-other', teamIds: [], productId: null, expiresAt: summary.expiresAt });
  }
  sources.sort((a, b) => b.expiresAt - a.expiresAt);
  const best = sources[0];
  return {
    entitlement,
    active: isActiveAt(best?.expiresAt, nowMs),
    expiresAt: best?.expiresAt,
    sources,
  };
}

/** Every entitlement id the snapshot mentions, promotional-only ones included, sorted. */
export function entitlementIds(subscriber: Subscriber): string[] {
  const ids = new Set(subscriber.entitlements.map((e) => e.id));
  for (const subscription of subscriber.subscriptions) {
    if (!isPromotional(subscription)) continue;
    const entitlement = promotionalEntitlementOf(subscription.productId);
    if (entitlement) ids.add(entitlement);
  }
  return [...ids].sort();
}

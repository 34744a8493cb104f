import { isLifetime, type Expiry } from './expiry';
import type { Subscriber, SubscriberSubscription } from './subscriber';
import { isPromotional } from './subscriber';
import { runningSeatPacks, type RunningSeatPack, type SeatPackProduct } from './seat-packs';
import { productIdsOf, teamLineOf, type TeamProduct } from './team-product';

export type TeamStatus = 'active' | 'grace' | 'expired';

/** What team-service should hold for one (owner, team product), derived from a fetched subscriber. */
export interface OwnerTeamState {
  product: TeamProduct;
  status: TeamStatus;
  /** End of the paid period, or of the grace period while in grace; LIFETIME for a lifetime purchase. */
  periodEndsAt: Expiry;
  /** Seats from the catalog; 0 once expired. */
  seatLimit: number;
  /** The running seat packs that add to the team's seats (ADR 0038); none once expired. */
  seatPacks: RunningSeatPack[];
  /** RevenueCat's clock when the state was true (the subscriber's request date): team-service's watermark. */
  sourceAtMs: number;
}

/**
 * The store purchase of the product that can fund a team: bought (never family-shared, DESIGN §4.9), not
 * one of our own promotional grants, and, when several are reported, the one running longest.
 */
export function fundingSubscription(
  subscriber: Subscriber,
  product: TeamProduct,
): SubscriberSubscription | undefined {
  const ids = productIdsOf(product);
  return subscriber.subscriptions
    .filter((s) => ids.includes(s.productId))
    .filter((s) => !isPromotional(s) && s.ownershipType.toUpperCase() !== 'FAMILY_SHARED')
    .sort((a, b) => b.expiresAt - a.expiresAt)[0];
}

/**
 * The management entitlement's view of the same purchase. v1 reports an entitlement's grace period on
 * the entitlement too, and RevenueCat may extend the entitlement's expiry to the end of grace.
 */
function managementGraceEnd(subscriber: Subscriber, product: TeamProduct): number | null {
  const entitlement = subscriber.entitlements.find((e) => e.id === product.managementEntitlement);
  if (!entitlement || !entitlement.productIdentifier) return null;
  if (!productIdsOf(product).includes(entitlement.productIdentifier)) return null;
  return entitlement.gracePeriodExpiresAtMs;
}

/**
 * Derives the owner's team state for one team product, or undefined when the customer never bought it
 * (then nothing is applied: a family-shared copy never creates a team).
 *
 * - active: the purchase runs past RevenueCat's `request_date` (lifetime purchases never end);
 * - grace: a billing issue is detected and the grace period has not ended; access lasts until it ends;
 * - expired: otherwise (refunds included: RevenueCat ends the purchase at the refund).
 */
export function deriveOwnerTeamState(
  subscriber: Subscriber,
  product: TeamProduct,
): OwnerTeamState | undefined {
  const purchase = fundingSubscription(subscriber, product);
  if (!purchase) return undefined;
  const now = subscriber.requestDateMs;
  const base = { product, sourceAtMs: now, seatPacks: [] as RunningSeatPack[] };
  const expiresAt =
    purchase.refundedAtMs !== null ? Math.min(purchase.expiresAt, purchase.refundedAtMs) : purchase.expiresAt;
  if (isLifetime(expiresAt))
    return { ...base, status: 'active', periodEndsAt: expiresAt, seatLimit: product.seats };

  const graceEnd = Math.max(
    purchase.gracePeriodExpiresAtMs ?? 0,
    managementGraceEnd(subscriber, product) ?? 0,
  );
  const inGrace =
    purchase.billingIssuesDetectedAtMs !== null && purchase.refundedAtMs === null && graceEnd > now;
  if (inGrace) {
    return {
      ...base,
      status: 'grace',
      periodEndsAt: Math.max(graceEnd, expiresAt),
      seatLimit: product.seats,
    };
  }
  if (expiresAt > now)
    return { ...base, status: 'active', periodEndsAt: expiresAt, seatLimit: product.seats };
  return { ...base, status: 'expired', periodEndsAt: expiresAt, seatLimit: 0 };
}

const rank = (state: OwnerTeamState) => (state.status === 'expired' ? 0 : 1);

/**
 * The state of each team the customer bought into, one per (management entitlement, subscription group),
 * in catalog order. team-service keys a team by (subscriber, management entitlement, group): one
 * subscription is one team, and products of one group are its tiers, so a PRODUCT_CHANGE moves the team to
 * the new tier instead of creating another (ADR 0030). Of several products of one group, a running one
 * beats an expired one, then the most seats, then the latest period end (team_service.proto,
 * ApplySubscriptionState). The plan's seats decide, not the packs': packs feed whichever tier runs.
 */
export function deriveOwnerTeamStates(
  subscriber: Subscriber,
  products: readonly TeamProduct[],
  packs: readonly SeatPackProduct[] = [],
): OwnerTeamState[] {
  const byLine = new Map<string, OwnerTeamState>();
  for (const product of products) {
    const state = deriveOwnerTeamState(subscriber, product);
    if (!state) continue;
    const current = byLine.get(teamLineOf(product));
    const better =
      !current ||
      rank(state) > rank(current) ||
      (rank(state) === rank(current) &&
        (state.seatLimit > current.seatLimit ||
          (state.seatLimit === current.seatLimit && state.periodEndsAt > current.periodEndsAt)));
    if (better) byLine.set(teamLineOf(product), state);
  }
  // A pack is counted only for a running team: bought before the team, it waits in RevenueCat's record
  // for the team's purchase; outliving the team, it adds nothing until the team comes back (ADR 0038).
  return [...byLine.values()].map((state) =>
    state.status === 'expired'
      ? state
      : { ...state, seatPacks: runningSeatPacks(subscriber, packs, state.product) },
  );
}

import { isLifetime } from './expiry';
import type { Subscriber } from './subscriber';
import { isPromotional } from './subscriber';
import { productIdsOf, type TeamProduct } from './team-product';

/** A seat pack from the catalog (seatPacks): while its subscription runs it adds seats to a team (ADR 0038). */
export interface SeatPackProduct {
  productId: string;
  playProductId?: string | undefined;
  /** The management entitlement of the team line it adds seats to. */
  addsSeatsTo: string;
  /** The subscription group of the team it adds seats to (default: the management entitlement). */
  teamGroup?: string | undefined;
  seats: number;
}

/** A pack that counts now, as team-service takes it. */
export interface RunningSeatPack {
  productId: string;
  seats: number;
  /** When it stops counting unless renewed (end of period or of grace): the sweep checks the team then. */
  endsAtMs: number;
}

/** Whether the pack adds seats to the team a purchase of `product` funds: same line, same group. */
export function packFeeds(pack: SeatPackProduct, product: TeamProduct): boolean {
  return (
    pack.addsSeatsTo === product.managementEntitlement &&
    (pack.teamGroup ?? pack.addsSeatsTo) === (product.subscriptionGroup ?? product.managementEntitlement)
  );
}

/**
 * Until when the subscriber's purchase of the pack runs, or undefined when it does not run at RevenueCat's
 * request date: bought (not one of our promotionals, not family-shared), and not ended, or in its billing
 * grace period, as a team purchase.
 */
export function packRunsUntil(subscriber: Subscriber, pack: SeatPackProduct): number | undefined {
  const ids = productIdsOf(pack);
  const now = subscriber.requestDateMs;
  const ends = subscriber.subscriptions
    .filter((s) => ids.includes(s.productId))
    .filter((s) => !isPromotional(s) && s.ownershipType.toUpperCase() !== 'FAMILY_SHARED')
    .map((s) => {
      const end = s.refundedAtMs !== null ? Math.min(s.expiresAt, s.refundedAtMs) : s.expiresAt;
      if (isLifetime(end) || end > now) return end;
      const inGrace = s.billingIssuesDetectedAtMs !== null && s.refundedAtMs === null;
      return inGrace ? (s.gracePeriodExpiresAtMs ?? 0) : 0;
    })
    .filter((end) => end > now);
  return ends.length === 0 ? undefined : Math.max(...ends);
}

/**
 * The running packs that add seats to the team `product` funds. The team is the buyer's team of the pack's
 * line and group, never chosen by purchase order: with several teams of a line (several groups), the catalog
 * names which one a pack product feeds.
 */
export function runningSeatPacks(
  subscriber: Subscriber,
  packs: readonly SeatPackProduct[],
  product: TeamProduct,
): RunningSeatPack[] {
  return packs
    .filter((pack) => packFeeds(pack, product))
    .flatMap((pack) => {
      const endsAtMs = packRunsUntil(subscriber, pack);
      return endsAtMs === undefined ? [] : [{ productId: pack.productId, seats: pack.seats, endsAtMs }];
    });
}

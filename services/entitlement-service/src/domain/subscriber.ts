import { LIFETIME, type Expiry } from './expiry';

/**
 * A customer as RevenueCat reported it (v1 `GET /subscribers/{id}`), in plain domain form. Lists rather
 * than maps, because product ids contain dots and MongoDB field names must not.
 */
export interface SubscriberEntitlement {
  id: string;
  /** The furthest-out source of the entitlement, expired ones included; LIFETIME when RevenueCat says null. */
  expiresAt: Expiry;
  gracePeriodExpiresAtMs: number | null;
  productIdentifier: string | null;
  purchaseDateMs: number | null;
}

export interface SubscriberSubscription {
  /** The key of v1 `subscriptions`: a store product id or `rc_promo_<entitlement>_<duration>`. */
  productId: string;
  /** Lower-case as v1 reports it: app_store, play_store, promotional... */
  store: string;
  expiresAt: Expiry;
  purchaseDateMs: number | null;
  gracePeriodExpiresAtMs: number | null;
  billingIssuesDetectedAtMs: number | null;
  refundedAtMs: number | null;
  unsubscribeDetectedAtMs: number | null;
  /** PURCHASED or FAMILY_SHARED. */
  ownershipType: string;
  periodType: string | null;
}

export interface Subscriber {
  appUserId: string;
  originalAppUserId: string;
  /** RevenueCat's clock when it answered; every "is it active" question about this snapshot uses it. */
  requestDateMs: number;
  entitlements: SubscriberEntitlement[];
  subscriptions: SubscriberSubscription[];
}

const PROMO_DURATIONS = [
  'custom',
  'lifetime',
  'daily',
  'three_day',
  'weekly',
  'two_week',
  'monthly',
  'two_month',
  'three_month',
  'six_month',
  'yearly',
];
const PROMO_KEY = new RegExp(`^rc_promo_(.+)_(${PROMO_DURATIONS.join('|')})$`);

/**
 * The entitlement a promotional `subscriptions` key belongs to: RevenueCat names them
 * `rc_promo_<entitlement>_<duration>` (`custom` for grants with `end_time_ms`). Entitlement ids may
 * contain underscores, so the duration suffix is matched from a closed list.
 */
export function promotionalEntitlementOf(productKey: string): string | undefined {
  return PROMO_KEY.exec(productKey)?.[1];
}

export const isPromotional = (subscription: SubscriberSubscription): boolean =>
  subscription.store.toLowerCase() === 'promotional' ||
  promotionalEntitlementOf(subscription.productId) !== undefined;

/**
 * When the promotional grants of an entitlement end (the longest of them; revoked ones report their
 * revocation time). undefined when the customer never had one.
 */
export function promotionalExpiry(subscriber: Subscriber, entitlement: string): Expiry | undefined {
  let result: Expiry | undefined;
  for (const subscription of subscriber.subscriptions) {
    if (!isPromotional(subscription)) continue;
    if (promotionalEntitlementOf(subscription.productId) !== entitlement) continue;
    result = Math.max(result ?? Number.NEGATIVE_INFINITY, subscription.expiresAt);
  }
  return result;
}

/** The end of each promotional entry of an entitlement (one per v1 `rc_promo_…` key), expired ones included. */
export function promotionalEnds(subscriber: Subscriber, entitlement: string): Expiry[] {
  return subscriber.subscriptions
    .filter((s) => isPromotional(s) && promotionalEntitlementOf(s.productId) === entitlement)
    .map((s) => s.expiresAt);
}

export function findEntitlement(subscriber: Subscriber, id: string): SubscriberEntitlement | undefined {
  return subscriber.entitlements.find((entitlement) => entitlement.id === id);
}

/** An empty customer (RevenueCat answers 201 with one for an id it has never seen). */
export function emptySubscriber(appUserId: string, requestDateMs: number): Subscriber {
  return { appUserId, originalAppUserId: appUserId, requestDateMs, entitlements: [], subscriptions: [] };
}

export { LIFETIME };

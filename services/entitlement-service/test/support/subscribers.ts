import type { Subscriber, SubscriberSubscription, TeamProduct } from '../../src/domain';

export const T0 = Date.UTC(2026, 0, 1);
export const DAY = 86_400_000;

export const TEAM_PRODUCT: TeamProduct = {
  productId: 'team_3_monthly',
  playProductId: 'team_3:monthly',
  managementEntitlement: 'team_admin',
  memberEntitlements: ['pro'],
  seats: 3,
  grantMode: 'period',
  shrinkPolicy: 'remove-last-joined',
  ownerTakesSeat: false,
};

export function subscription(overrides: Partial<SubscriberSubscription> = {}): SubscriberSubscription {
  return {
    productId: TEAM_PRODUCT.productId,
    store: 'app_store',
    expiresAt: T0 + 30 * DAY,
    purchaseDateMs: T0,
    gracePeriodExpiresAtMs: null,
    billingIssuesDetectedAtMs: null,
    refundedAtMs: null,
    unsubscribeDetectedAtMs: null,
    ownershipType: 'PURCHASED',
    periodType: 'normal',
    ...overrides,
  };
}

export function subscriber(overrides: Partial<Subscriber> = {}): Subscriber {
  return {
    appUserId: 'owner-1',
    originalAppUserId: 'owner-1',
    requestDateMs: T0 + DAY,
    entitlements: [],
    subscriptions: [],
    ...overrides,
  };
}

import type { IdSource } from './ids';
import type {
  Customer,
  NonSubscriptionPurchase,
  PromotionalGrant,
  StoreSubscription,
  WebhookEvent,
} from './types';

/**
 * Builders for the events RevenueCat would send (REVENUECAT.md, "Event fields"). Field names and value
 * spellings follow RevenueCat's sample payloads; nulls are kept where RevenueCat sends nulls.
 */
export interface EventContext {
  appId: string;
  timestampMs: number;
  ids: IdSource;
}

const COMMISSION = 0.3;

function customerFields(customer: Customer) {
  return {
    app_user_id: customer.appUserId,
    original_app_user_id: customer.originalAppUserId,
    aliases: [
      customer.originalAppUserId,
      ...customer.aliases.filter((a) => a !== customer.originalAppUserId),
    ],
    subscriber_attributes: {},
  };
}

function priceFields(price: number) {
  return {
    currency: 'USD',
    price,
    price_in_purchased_currency: price,
    tax_percentage: 0,
    commission_percentage: price === 0 ? 0 : COMMISSION,
    takehome_percentage: price === 0 ? 1 : 1 - COMMISSION,
  };
}

export function subscriptionEvent(
  type: string,
  customer: Customer,
  sub: StoreSubscription,
  { appId, timestampMs, ids }: EventContext,
  extra: Record<string, unknown> = {},
): WebhookEvent {
  return {
    id: ids.uuid(),
    type,
    app_id: appId,
    event_timestamp_ms: timestampMs,
    ...customerFields(customer),
    product_id: sub.productId,
    entitlement_ids: [...sub.entitlements],
    entitlement_id: null,
    period_type: sub.periodType,
    purchased_at_ms: sub.purchaseMs,
    expiration_at_ms: sub.expiresMs,
    grace_period_expiration_at_ms: null,
    auto_resume_at_ms: null,
    store: sub.store,
    environment: sub.environment,
    is_family_share: sub.ownership === 'FAMILY_SHARED',
    is_trial_conversion: false,
    country_code: 'US',
    presented_offering_id: null,
    offer_code: null,
    transaction_id: sub.transactionId,
    original_transaction_id: sub.originalTransactionId,
    renewal_number: sub.renewalNumber,
    ...priceFields(sub.ownership === 'FAMILY_SHARED' ? 0 : sub.price),
    ...extra,
  };
}

export function nonSubscriptionEvent(
  type: string,
  customer: Customer,
  purchase: NonSubscriptionPurchase,
  { appId, timestampMs, ids }: EventContext,
  extra: Record<string, unknown> = {},
): WebhookEvent {
  return {
    id: ids.uuid(),
    type,
    app_id: appId,
    event_timestamp_ms: timestampMs,
    ...customerFields(customer),
    product_id: purchase.productId,
    entitlement_ids: [...purchase.entitlements],
    entitlement_id: null,
    period_type: 'NORMAL',
    purchased_at_ms: purchase.purchaseMs,
    expiration_at_ms: purchase.expiresMs,
    store: purchase.store,
    environment: purchase.environment,
    is_family_share: false,
    country_code: 'US',
    presented_offering_id: null,
    transaction_id: purchase.transactionId,
    original_transaction_id: purchase.transactionId,
    ...priceFields(purchase.price),
    ...extra,
  };
}

/** The echo of an API grant, revoke or expiry: store and period type PROMOTIONAL, and no `app_id`. */
export function promotionalEvent(
  type: 'NON_RENEWING_PURCHASE' | 'CANCELLATION' | 'EXPIRATION',
  customer: Customer,
  grant: PromotionalGrant,
  { timestampMs, ids }: Omit<EventContext, 'appId'>,
  extra: Record<string, unknown> = {},
): WebhookEvent {
  return {
    id: ids.uuid(),
    type,
    event_timestamp_ms: timestampMs,
    ...customerFields(customer),
    product_id: grant.productKey,
    entitlement_ids: [grant.entitlement],
    entitlement_id: null,
    period_type: 'PROMOTIONAL',
    purchased_at_ms: grant.startMs,
    expiration_at_ms: grant.revokedMs ?? grant.endMs,
    store: 'PROMOTIONAL',
    environment: 'PRODUCTION',
    is_family_share: false,
    country_code: null,
    transaction_id: grant.id,
    original_transaction_id: grant.id,
    ...priceFields(0),
    ...extra,
  };
}

/** TRANSFER carries no `app_user_id` (REVENUECAT.md): only the two id lists. */
export function transferEvent(
  from: string[],
  to: string[],
  store: string,
  environment: string,
  { appId, timestampMs, ids }: EventContext,
): WebhookEvent {
  return {
    id: ids.uuid(),
    type: 'TRANSFER',
    app_id: appId,
    event_timestamp_ms: timestampMs,
    store,
    environment,
    transferred_from: from,
    transferred_to: to,
  };
}

export function testEvent({ appId, timestampMs, ids }: EventContext): WebhookEvent {
  return {
    id: ids.uuid(),
    type: 'TEST',
    app_id: appId,
    event_timestamp_ms: timestampMs,
    app_user_id: `$RCAnonymousID:${ids.uuid().replace(/-/g, '')}`,
    store: 'APP_STORE',
    environment: 'SANDBOX',
  };
}

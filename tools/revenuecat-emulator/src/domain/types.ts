/** The emulator's state model: plain data, no I/O. Times are milliseconds on the emulator clock. */

export type Store =
  | 'AMAZON'
  | 'APP_STORE'
  | 'MAC_APP_STORE'
  | 'PADDLE'
  | 'PLAY_STORE'
  | 'PROMOTIONAL'
  | 'RC_BILLING'
  | 'ROKU'
  | 'STRIPE'
  | 'TEST_STORE';

export const PURCHASE_STORES = [
  'AMAZON',
  'APP_STORE',
  'MAC_APP_STORE',
  'PADDLE',
  'PLAY_STORE',
  'RC_BILLING',
  'ROKU',
  'STRIPE',
  'TEST_STORE',
] as const;

export type PeriodType = 'NORMAL' | 'TRIAL' | 'INTRO' | 'PREPAID' | 'PROMOTIONAL';
export type Environment = 'SANDBOX' | 'PRODUCTION';
export type Ownership = 'PURCHASED' | 'FAMILY_SHARED';
export type CancelReason =
  | 'UNSUBSCRIBE'
  | 'BILLING_ERROR'
  | 'DEVELOPER_INITIATED'
  | 'PRICE_INCREASE'
  | 'CUSTOMER_SUPPORT'
  | 'UNKNOWN';
export type ExpirationReason = CancelReason | 'SUBSCRIPTION_PAUSED';

export interface StoreSubscription {
  /** The id the store uses (a Play product may be `subscription:base-plan`); the key in v1 `subscriptions`. */
  productId: string;
  /** The catalog product it came from. */
  catalogProductId: string;
  entitlements: string[];
  store: Exclude<Store, 'PROMOTIONAL'>;
  environment: Environment;
  periodType: PeriodType;
  periodMs: number;
  price: number;
  originalPurchaseMs: number;
  /** Start of the current period. */
  purchaseMs: number;
  expiresMs: number;
  unsubscribeDetectedMs: number | null;
  billingIssueDetectedMs: number | null;
  gracePeriodExpiresMs: number | null;
  refundedMs: number | null;
  pausedMs: number | null;
  autoResumeMs: number | null;
  ownership: Ownership;
  /** For a family-shared copy: the purchaser it mirrors. */
  familyOwnerId: string | null;
  transactionId: string;
  originalTransactionId: string;
  renewalNumber: number;
  /** A product change that takes effect at the next renewal. */
  pendingProductId: string | null;
  /** The EXPIRATION event for the current `expiresMs` has been sent. */
  expirationSent: boolean;
}

export interface NonSubscriptionPurchase {
  id: string;
  productId: string;
  catalogProductId: string;
  entitlements: string[];
  store: Exclude<Store, 'PROMOTIONAL'>;
  environment: Environment;
  price: number;
  purchaseMs: number;
  /** null: the entitlement is for life. */
  expiresMs: number | null;
  refundedMs: number | null;
  transactionId: string;
  expirationSent: boolean;
}

export interface PromotionalGrant {
  id: string;
  entitlement: string;
  /** Key in v1 `subscriptions`, e.g. `rc_promo_pro_monthly`. */
  productKey: string;
  startMs: number;
  /** null: lifetime grant. */
  endMs: number | null;
  revokedMs: number | null;
  expirationSent: boolean;
}

export interface Customer {
  appUserId: string;
  originalAppUserId: string;
  aliases: string[];
  firstSeenMs: number;
  lastSeenMs: number;
  subscriptions: StoreSubscription[];
  nonSubscriptions: NonSubscriptionPurchase[];
  grants: PromotionalGrant[];
}

/** A webhook event as RevenueCat sends it inside `{"api_version":"1.0","event":{...}}`. */
export type WebhookEvent = Record<string, unknown> & { id: string; type: string; event_timestamp_ms: number };

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

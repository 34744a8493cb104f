import { summarizeEntitlements } from './entitlement-summary';
import type { Customer, PromotionalGrant, StoreSubscription } from './types';

/**
 * The v1 `GET /subscribers/{id}` body, shaped like RevenueCat's documented example: ISO dates without
 * milliseconds, lowercase store names, nulls where RevenueCat sends nulls. With `nulls: 'omit'` the nulls
 * the OpenAPI schema does not declare nullable are left out instead (the document's own example has them).
 */
export type NullStyle = 'include' | 'omit';

/**
 * How a lifetime promotional grant's `expires_date` reads: `null` as RevenueCat documents it, or
 * `far-future`, its start plus 200 years, as RevenueCat's SDK tracker shows one (granted in 2022, expiring
 * in 2222: RevenueCat/purchases-flutter#370).
 */
export type LifetimeStyle = 'null' | 'far-future';

export interface ViewStyle {
  nulls: NullStyle;
  lifetime: LifetimeStyle;
}

const DEFAULT_STYLE: ViewStyle = { nulls: 'include', lifetime: 'null' };

/** The end a lifetime grant reports in the `far-future` style. */
export function farFutureEnd(startMs: number): number {
  const end = new Date(startMs);
  end.setUTCFullYear(end.getUTCFullYear() + 200);
  return end.getTime();
}

/** What a grant reports as its end: its revocation, its end, or, for life, null or the far-future date. */
export function reportedGrantEnd(grant: PromotionalGrant, lifetime: LifetimeStyle): number | null {
  if (grant.revokedMs !== null) return grant.revokedMs;
  if (grant.endMs !== null || lifetime === 'null') return grant.endMs;
  return farFutureEnd(grant.startMs);
}

export function isoDate(ms: number): string;
export function isoDate(ms: number | null): string | null;
export function isoDate(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const STORE_NAMES: Record<string, string> = {
  APP_STORE: 'app_store',
  MAC_APP_STORE: 'mac_app_store',
  PLAY_STORE: 'play_store',
  AMAZON: 'amazon',
  STRIPE: 'stripe',
  RC_BILLING: 'rc_billing',
  ROKU: 'roku',
  PADDLE: 'paddle',
  TEST_STORE: 'test_store',
  PROMOTIONAL: 'promotional',
};

const MANAGEMENT_URLS: Record<string, string> = {
  APP_STORE: 'https://apps.apple.com/account/subscriptions',
  MAC_APP_STORE: 'https://apps.apple.com/account/subscriptions',
  PLAY_STORE: 'https://play.google.com/store/account/subscriptions',
};

function compact<T extends Record<string, unknown>>(value: T, nulls: NullStyle): T {
  if (nulls === 'include') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as T;
}

function subscriptionEntry(sub: StoreSubscription, nulls: NullStyle) {
  return compact(
    {
      auto_resume_date: isoDate(sub.autoResumeMs),
      billing_issues_detected_at: isoDate(sub.billingIssueDetectedMs),
      expires_date: isoDate(sub.expiresMs),
      grace_period_expires_date: isoDate(sub.gracePeriodExpiresMs),
      is_sandbox: sub.environment === 'SANDBOX',
      original_purchase_date: isoDate(sub.originalPurchaseMs),
      ownership_type: sub.ownership,
      period_type: sub.periodType === 'TRIAL' ? 'trial' : sub.periodType === 'INTRO' ? 'intro' : 'normal',
      price: { amount: sub.ownership === 'FAMILY_SHARED' ? 0 : sub.price, currency: 'USD' },
      purchase_date: isoDate(sub.purchaseMs),
      refunded_at: isoDate(sub.refundedMs),
      store: STORE_NAMES[sub.store] ?? sub.store.toLowerCase(),
      store_transaction_id: sub.transactionId,
      unsubscribe_detected_at: isoDate(sub.unsubscribeDetectedMs),
    },
    nulls,
  );
}

function promotionalEntry(grant: PromotionalGrant, { nulls, lifetime }: ViewStyle) {
  return compact(
    {
      auto_resume_date: null,
      billing_issues_detected_at: null,
      expires_date: isoDate(reportedGrantEnd(grant, lifetime)),
      grace_period_expires_date: null,
      is_sandbox: false,
      original_purchase_date: isoDate(grant.startMs),
      ownership_type: 'PURCHASED',
      period_type: 'normal',
      price: { amount: 0, currency: 'USD' },
      purchase_date: isoDate(grant.startMs),
      refunded_at: null,
      store: 'promotional',
      store_transaction_id: grant.id,
      unsubscribe_detected_at: null,
    },
    nulls,
  );
}

/** Keeps, per key, the entry that runs longest (a lifetime grant has no end). */
function furthest<T>(items: T[], key: (t: T) => string, end: (t: T) => number | null): Map<string, T> {
  const result = new Map<string, T>();
  for (const item of items) {
    const current = result.get(key(item));
    const endOf = (t: T) => end(t) ?? Number.POSITIVE_INFINITY;
    if (!current || endOf(item) >= endOf(current)) result.set(key(item), item);
  }
  return result;
}

export function subscriberView(customer: Customer, nowMs: number, style: Partial<ViewStyle> = {}) {
  const { nulls, lifetime } = { ...DEFAULT_STYLE, ...style };
  const entitlements: Record<string, unknown> = {};
  for (const [id, summary] of summarizeEntitlements(customer))
    entitlements[id] = {
      expires_date: isoDate(
        summary.expiresMs === null && summary.grant
          ? reportedGrantEnd(summary.grant, lifetime)
          : summary.expiresMs,
      ),
      grace_period_expires_date: isoDate(summary.gracePeriodExpiresMs),
      product_identifier: summary.productId,
      purchase_date: isoDate(summary.purchaseMs),
    };

  const subscriptions: Record<string, unknown> = {};
  const stores = furthest(
    customer.subscriptions,
    (s) => s.productId,
    (s) => s.expiresMs,
  );
  for (const [key, sub] of stores) subscriptions[key] = subscriptionEntry(sub, nulls);
  const promos = furthest(
    customer.grants,
    (g) => g.productKey,
    (g) => g.revokedMs ?? g.endMs,
  );
  for (const [key, grant] of promos) subscriptions[key] = promotionalEntry(grant, { nulls, lifetime });

  const nonSubscriptions: Record<string, unknown[]> = {};
  for (const bought of customer.nonSubscriptions)
    (nonSubscriptions[bought.productId] ??= []).push({
      id: bought.id,
      is_sandbox: bought.environment === 'SANDBOX',
      price: { amount: bought.price, currency: 'USD' },
      purchase_date: isoDate(bought.purchaseMs),
      store: STORE_NAMES[bought.store] ?? bought.store.toLowerCase(),
      store_transaction_id: bought.transactionId,
    });

  const managing = customer.subscriptions
    .filter((s) => s.expiresMs > nowMs && s.refundedMs === null && MANAGEMENT_URLS[s.store])
    .sort((a, b) => b.expiresMs - a.expiresMs)[0];

  return {
    request_date: isoDate(nowMs),
    request_date_ms: nowMs,
    subscriber: compact(
      {
        entitlements,
        first_seen: isoDate(customer.firstSeenMs),
        last_seen: isoDate(customer.lastSeenMs),
        management_url: managing ? (MANAGEMENT_URLS[managing.store] ?? null) : null,
        non_subscriptions: nonSubscriptions,
        original_app_user_id: customer.originalAppUserId,
        original_application_version: null,
        original_purchase_date: null,
        other_purchases: {},
        subscriptions,
        subscriber_attributes: {},
      },
      nulls,
    ),
  };
}

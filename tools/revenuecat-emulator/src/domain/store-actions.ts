import { AppError, invalidArgument } from '@teamseat/errors';
import { nonSubscriptionEvent, subscriptionEvent } from './webhook-events';
import {
  isEnded,
  mirrorToFamily,
  newSubscription,
  requireCustomer,
  requireProduct,
  requireSubscription,
  startNextPeriod,
  transactionId,
  type StoreContext,
} from './store-subscriptions';
import type {
  CancelReason,
  Environment,
  ExpirationReason,
  PeriodType,
  StoreSubscription,
  WebhookEvent,
} from './types';

/** What the stores do to a customer's purchases; each returns the webhooks RevenueCat would send. */

export interface PurchaseInput {
  appUserId: string;
  productId: string;
  store?: StoreSubscription['store'] | undefined;
  environment?: Environment | undefined;
  periodType?: PeriodType | undefined;
  /** Overrides the catalog's period for this purchase. */
  periodMs?: number | undefined;
  price?: number | undefined;
}

function precondition(message: string, reason: string): AppError {
  return new AppError('FAILED_PRECONDITION', message, { reason });
}

function at(ctx: StoreContext) {
  return { appId: ctx.appId, timestampMs: ctx.nowMs, ids: ctx.ids };
}

export function purchase(ctx: StoreContext, input: PurchaseInput): WebhookEvent[] {
  const product = requireProduct(ctx, input.productId);
  if (input.periodMs !== undefined && (!Number.isInteger(input.periodMs) || input.periodMs <= 0))
    throw invalidArgument('period_ms', 'must be a positive integer');
  const { customer } = ctx.customers.getOrCreate(input.appUserId, ctx.nowMs);
  const store = input.store ?? 'APP_STORE';
  const environment = input.environment ?? 'SANDBOX';

  if (product.type === 'non_renewing') {
    const periodMs = input.periodMs ?? product.periodMs;
    const bought = {
      id: transactionId(ctx.ids),
      productId: input.productId,
      catalogProductId: product.productId,
      entitlements: [...product.entitlements],
      store,
      environment,
      price: input.price ?? product.price,
      purchaseMs: ctx.nowMs,
      expiresMs: periodMs === null ? null : ctx.nowMs + periodMs,
      refundedMs: null,
      transactionId: transactionId(ctx.ids),
      expirationSent: false,
    };
    customer.nonSubscriptions.push(bought);
    return [nonSubscriptionEvent('NON_RENEWING_PURCHASE', customer, bought, at(ctx))];
  }

  const current = customer.subscriptions.find(
    (s) => s.catalogProductId === product.productId && s.ownership === 'PURCHASED' && !isEnded(s),
  );
  if (current && current.expiresMs > ctx.nowMs)
    throw precondition(
      `product_id: "${customer.appUserId}" already has an active "${product.productId}" subscription; renew or change product instead`,
      'ALREADY_SUBSCRIBED',
    );
  // A new purchase after a lapse replaces the old entry of that product.
  customer.subscriptions = customer.subscriptions.filter(
    (s) => !(s.catalogProductId === product.productId && s.ownership === 'PURCHASED'),
  );
  const sub = newSubscription({
    product,
    requestedProductId: input.productId,
    store,
    environment,
    periodType: input.periodType ?? 'NORMAL',
    periodMs: input.periodMs ?? product.periodMs ?? 0,
    startMs: ctx.nowMs,
    price: input.price,
    ids: ctx.ids,
  });
  if (sub.periodType === 'TRIAL') sub.price = 0;
  customer.subscriptions.push(sub);
  return [subscriptionEvent('INITIAL_PURCHASE', customer, sub, at(ctx))];
}

export interface SubscriptionRef {
  appUserId: string;
  productId: string;
}

function ownSubscription(ctx: StoreContext, ref: SubscriptionRef) {
  const customer = requireCustomer(ctx, ref.appUserId);
  const sub = requireSubscription(ctx, customer, ref.productId);
  if (sub.ownership === 'FAMILY_SHARED')
    throw precondition(
      'product_id: a family-shared copy follows its purchaser; act on the purchaser',
      'FAMILY_COPY',
    );
  if (sub.refundedMs !== null) throw precondition('product_id: the subscription was refunded', 'REFUNDED');
  return { customer, sub };
}

/** Renews now: early renewals start at the current expiry; lapsed, paused or failing ones start now. */
export function renew(ctx: StoreContext, ref: SubscriptionRef): WebhookEvent[] {
  const { customer, sub } = ownSubscription(ctx, ref);
  const restart = isEnded(sub) || sub.expiresMs <= ctx.nowMs || sub.billingIssueDetectedMs !== null;
  const { sub: next, events } = startNextPeriod(ctx, customer, sub, restart ? ctx.nowMs : sub.expiresMs);
  return [...events, ...mirrorToFamily(ctx, customer, next, 'RENEWAL')];
}

export function cancel(ctx: StoreContext, ref: SubscriptionRef & { reason?: CancelReason | undefined }) {
  const { customer, sub } = ownSubscription(ctx, ref);
  if (sub.unsubscribeDetectedMs !== null)
    throw precondition('product_id: already cancelled', 'ALREADY_CANCELLED');
  if (isEnded(sub)) throw precondition('product_id: the subscription has expired', 'EXPIRED');
  sub.unsubscribeDetectedMs = ctx.nowMs;
  const extra = { cancel_reason: ref.reason ?? 'UNSUBSCRIBE' };
  return [
    subscriptionEvent('CANCELLATION', customer, sub, at(ctx), extra),
    ...mirrorToFamily(ctx, customer, sub, 'CANCELLATION', extra),
  ];
}

export function uncancel(ctx: StoreContext, ref: SubscriptionRef): WebhookEvent[] {
  const { customer, sub } = ownSubscription(ctx, ref);
  if (sub.unsubscribeDetectedMs === null) throw precondition('product_id: not cancelled', 'NOT_CANCELLED');
  if (isEnded(sub)) throw precondition('product_id: the subscription has expired; purchase again', 'EXPIRED');
  sub.unsubscribeDetectedMs = null;
  return [
    subscriptionEvent('UNCANCELLATION', customer, sub, at(ctx)),
    ...mirrorToFamily(ctx, customer, sub, 'UNCANCELLATION'),
  ];
}

/** The renewal charge failed: access continues through the grace period, counted from the failed renewal. */
export function billingIssue(
  ctx: StoreContext,
  ref: SubscriptionRef & { gracePeriodMs?: number | undefined },
) {
  const { customer, sub } = ownSubscription(ctx, ref);
  if (isEnded(sub)) throw precondition('product_id: the subscription has expired', 'EXPIRED');
  const graceMs = ref.gracePeriodMs ?? ctx.defaultGracePeriodMs;
  if (!Number.isInteger(graceMs) || graceMs < 0)
    throw invalidArgument('grace_period_ms', 'must be an integer >= 0');
  sub.billingIssueDetectedMs = ctx.nowMs;
  sub.gracePeriodExpiresMs = graceMs > 0 ? Math.max(ctx.nowMs, sub.expiresMs) + graceMs : null;
  const extra = { grace_period_expiration_at_ms: sub.gracePeriodExpiresMs };
  return [
    subscriptionEvent('BILLING_ISSUE', customer, sub, at(ctx), extra),
    ...mirrorToFamily(ctx, customer, sub, 'BILLING_ISSUE', extra),
  ];
}

export function expire(ctx: StoreContext, ref: SubscriptionRef & { reason?: ExpirationReason | undefined }) {
  const { customer, sub } = ownSubscription(ctx, ref);
  if (isEnded(sub)) throw precondition('product_id: already expired', 'EXPIRED');
  sub.expiresMs = Math.min(sub.expiresMs, ctx.nowMs);
  if (sub.gracePeriodExpiresMs !== null)
    sub.gracePeriodExpiresMs = Math.min(sub.gracePeriodExpiresMs, ctx.nowMs);
  sub.expirationSent = true;
  const extra = { expiration_reason: ref.reason ?? 'UNSUBSCRIBE' };
  return [
    subscriptionEvent('EXPIRATION', customer, sub, at(ctx), extra),
    ...mirrorToFamily(ctx, customer, sub, 'EXPIRATION', extra),
  ];
}

export interface ProductChangeInput extends SubscriptionRef {
  newProductId: string;
  /** `now`: the new product starts at once; `renewal`: at the end of the current period. */
  timing: 'now' | 'renewal';
}

export function productChange(ctx: StoreContext, input: ProductChangeInput): WebhookEvent[] {
  const { customer, sub } = ownSubscription(ctx, input);
  if (isEnded(sub)) throw precondition('product_id: the subscription has expired', 'EXPIRED');
  const product = requireProduct(ctx, input.newProductId, 'new_product_id');
  if (product.type !== 'subscription')
    throw invalidArgument('new_product_id', 'is not a subscription product');
  if (product.productId === sub.catalogProductId)
    throw invalidArgument('new_product_id', 'is the current product');
  const extra = { new_product_id: input.newProductId };
  const changed = subscriptionEvent('PRODUCT_CHANGE', customer, sub, at(ctx), extra);
  sub.pendingProductId = product.productId;
  if (input.timing === 'renewal')
    return [changed, ...mirrorToFamily(ctx, customer, sub, 'PRODUCT_CHANGE', extra)];
  // Immediate change: the old product ends now and the new one starts a fresh period.
  sub.expiresMs = ctx.nowMs;
  const { sub: next } = startNextPeriod(ctx, customer, sub, ctx.nowMs);
  next.renewalNumber = 1;
  return [changed, ...mirrorToFamily(ctx, customer, sub, 'PRODUCT_CHANGE', extra)];
}

/** Google Play pause: access continues until the period ends; it resumes at `resumeAtMs`. */
export function pause(ctx: StoreContext, ref: SubscriptionRef & { resumeAtMs?: number | undefined }) {
  const { customer, sub } = ownSubscription(ctx, ref);
  if (isEnded(sub)) throw precondition('product_id: the subscription has expired', 'EXPIRED');
  if (sub.pausedMs !== null) throw precondition('product_id: already paused', 'ALREADY_PAUSED');
  const resumeAtMs = ref.resumeAtMs ?? sub.expiresMs + sub.periodMs;
  if (resumeAtMs < sub.expiresMs)
    throw invalidArgument('resume_at_ms', 'must not be before the current expiry');
  sub.pausedMs = ctx.nowMs;
  sub.autoResumeMs = resumeAtMs;
  const extra = { auto_resume_at_ms: resumeAtMs };
  return [
    subscriptionEvent('SUBSCRIPTION_PAUSED', customer, sub, at(ctx), extra),
    ...mirrorToFamily(ctx, customer, sub, 'SUBSCRIPTION_PAUSED', extra),
  ];
}

/** A refund ends access now and is reported as CANCELLATION with reason CUSTOMER_SUPPORT and a negative price. */
export function refund(ctx: StoreContext, ref: SubscriptionRef): WebhookEvent[] {
  const customer = requireCustomer(ctx, ref.appUserId);
  const bought = customer.nonSubscriptions
    .filter(
      (p) => (p.productId === ref.productId || p.catalogProductId === ref.productId) && p.refundedMs === null,
    )
    .pop();
  if (bought) {
    bought.refundedMs = ctx.nowMs;
    bought.expiresMs = ctx.nowMs;
    const extra = {
      cancel_reason: 'CUSTOMER_SUPPORT',
      price: -bought.price,
      price_in_purchased_currency: -bought.price,
    };
    return [nonSubscriptionEvent('CANCELLATION', customer, bought, at(ctx), extra)];
  }
  const { sub } = ownSubscription(ctx, ref);
  sub.refundedMs = ctx.nowMs;
  sub.expiresMs = Math.min(sub.expiresMs, ctx.nowMs);
  sub.expirationSent = true;
  const extra = {
    cancel_reason: 'CUSTOMER_SUPPORT',
    price: -sub.price,
    price_in_purchased_currency: -sub.price,
  };
  return [
    subscriptionEvent('CANCELLATION', customer, sub, at(ctx), extra),
    ...mirrorToFamily(ctx, customer, sub, 'CANCELLATION', { cancel_reason: 'CUSTOMER_SUPPORT' }),
  ];
}

import { AppError, invalidArgument } from '@teamseat/errors';
import { subscriptionEvent } from './webhook-events';
import {
  isEnded,
  mirrorToFamily,
  requireCustomer,
  requireSubscription,
  type StoreContext,
} from './store-subscriptions';
import type { WebhookEvent } from './types';

/**
 * What a store does to a running purchase besides the lifecycle in store-actions.ts: an extension granted
 * through the store's API (SUBSCRIPTION_EXTENDED) and a refund the store took back (REFUND_REVERSED,
 * App Store only). RevenueCat's event types and fields: REVENUECAT.md.
 */

interface Ref {
  appUserId: string;
  productId: string;
}

const at = (ctx: StoreContext) => ({ appId: ctx.appId, timestampMs: ctx.nowMs, ids: ctx.ids });

function purchased(ctx: StoreContext, ref: Ref) {
  const customer = requireCustomer(ctx, ref.appUserId);
  const sub = requireSubscription(ctx, customer, ref.productId);
  if (sub.ownership === 'FAMILY_SHARED')
    throw new AppError('FAILED_PRECONDITION', 'product_id: a family-shared copy follows its purchaser', {
      reason: 'FAMILY_COPY',
    });
  return { customer, sub };
}

/** The store pushes the current period's end back by `extendMs` (Apple's and Google's extension APIs). */
export function extend(ctx: StoreContext, input: Ref & { extendMs: number }): WebhookEvent[] {
  if (!Number.isInteger(input.extendMs) || input.extendMs <= 0)
    throw invalidArgument('extend_ms', 'must be a positive integer');
  const { customer, sub } = purchased(ctx, input);
  if (sub.refundedMs !== null || isEnded(sub) || sub.expiresMs <= ctx.nowMs)
    throw new AppError('FAILED_PRECONDITION', 'product_id: only a running subscription can be extended', {
      reason: 'NOT_RUNNING',
    });
  sub.expiresMs += input.extendMs;
  return [
    subscriptionEvent('SUBSCRIPTION_EXTENDED', customer, sub, at(ctx)),
    ...mirrorToFamily(ctx, customer, sub, 'SUBSCRIPTION_EXTENDED'),
  ];
}

/**
 * The refund of the current period is reversed: the purchase counts again and runs to the end of the
 * period the refund cut short (when that end has already passed, it stays lapsed and the next clock tick
 * ends or renews it as usual).
 */
export function refundReversed(ctx: StoreContext, ref: Ref): WebhookEvent[] {
  const { customer, sub } = purchased(ctx, ref);
  if (sub.refundedMs === null)
    throw new AppError('FAILED_PRECONDITION', 'product_id: the subscription was not refunded', {
      reason: 'NOT_REFUNDED',
    });
  sub.refundedMs = null;
  sub.expiresMs = sub.purchaseMs + sub.periodMs;
  sub.expirationSent = sub.expiresMs <= ctx.nowMs;
  return [
    subscriptionEvent('REFUND_REVERSED', customer, sub, at(ctx)),
    ...mirrorToFamily(ctx, customer, sub, 'REFUND_REVERSED'),
  ];
}

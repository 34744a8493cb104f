import { AppError, invalidArgument } from '@teamseat/errors';
import { subscriptionEvent, transferEvent } from './webhook-events';
import {
  isEnded,
  requireCustomer,
  requireSubscription,
  transactionId,
  type StoreContext,
} from './store-subscriptions';
import type { WebhookEvent } from './types';

/**
 * Moves every store purchase of one app user id to another, as RevenueCat does when a second user restores
 * the same store account. One TRANSFER event, without `app_user_id` (REVENUECAT.md). Promotional grants stay.
 */
export function transfer(
  ctx: StoreContext,
  input: { fromAppUserId: string; toAppUserId: string },
): WebhookEvent[] {
  if (input.fromAppUserId === input.toAppUserId)
    throw invalidArgument('to_app_user_id', 'must differ from from_app_user_id');
  const from = requireCustomer(ctx, input.fromAppUserId, 'from_app_user_id');
  const to = requireCustomer(ctx, input.toAppUserId, 'to_app_user_id');
  const moved = from.subscriptions.filter((s) => s.ownership === 'PURCHASED');
  if (moved.length === 0 && from.nonSubscriptions.length === 0)
    throw new AppError(
      'FAILED_PRECONDITION',
      `from_app_user_id: "${from.appUserId}" has no store purchases to transfer`,
      {
        reason: 'NOTHING_TO_TRANSFER',
        details: { field: 'from_app_user_id' },
      },
    );

  const movedProducts = new Set(moved.map((s) => s.productId));
  to.subscriptions = [...to.subscriptions.filter((s) => !movedProducts.has(s.productId)), ...moved];
  from.subscriptions = from.subscriptions.filter((s) => s.ownership !== 'PURCHASED');
  to.nonSubscriptions.push(...from.nonSubscriptions);
  const first = moved[0] ?? from.nonSubscriptions[0];
  from.nonSubscriptions = [];
  // Family copies now follow the new purchaser.
  for (const customer of ctx.customers.all())
    for (const copy of customer.subscriptions)
      if (copy.familyOwnerId === from.appUserId) copy.familyOwnerId = to.appUserId;

  return [
    transferEvent(
      [from.appUserId],
      [to.appUserId],
      first?.store ?? 'APP_STORE',
      first?.environment ?? 'SANDBOX',
      {
        appId: ctx.appId,
        timestampMs: ctx.nowMs,
        ids: ctx.ids,
      },
    ),
  ];
}

/** A family member receives a copy of the purchaser's subscription (`ownership_type` FAMILY_SHARED). */
export function familyShare(
  ctx: StoreContext,
  input: { appUserId: string; productId: string; memberAppUserId: string },
): WebhookEvent[] {
  if (input.appUserId === input.memberAppUserId)
    throw invalidArgument('member_app_user_id', 'must differ from app_user_id');
  const owner = requireCustomer(ctx, input.appUserId);
  const sub = requireSubscription(ctx, owner, input.productId);
  if (sub.ownership !== 'PURCHASED' || isEnded(sub) || sub.expiresMs <= ctx.nowMs)
    throw new AppError(
      'FAILED_PRECONDITION',
      'product_id: only an active purchased subscription can be shared',
      {
        reason: 'NOT_SHAREABLE',
        details: { field: 'product_id' },
      },
    );
  const { customer: member } = ctx.customers.getOrCreate(input.memberAppUserId, ctx.nowMs);
  if (
    member.subscriptions.some(
      (s) => s.familyOwnerId === owner.appUserId && s.originalTransactionId === sub.originalTransactionId,
    )
  )
    throw new AppError(
      'FAILED_PRECONDITION',
      'member_app_user_id: already has this family-shared subscription',
      {
        reason: 'ALREADY_SHARED',
        details: { field: 'member_app_user_id' },
      },
    );
  const copy = {
    ...sub,
    entitlements: [...sub.entitlements],
    ownership: 'FAMILY_SHARED' as const,
    familyOwnerId: owner.appUserId,
    transactionId: transactionId(ctx.ids),
  };
  member.subscriptions = member.subscriptions.filter(
    (s) => s.productId !== copy.productId || s.ownership === 'PURCHASED',
  );
  member.subscriptions.push(copy);
  return [
    subscriptionEvent('INITIAL_PURCHASE', member, copy, {
      appId: ctx.appId,
      timestampMs: ctx.nowMs,
      ids: ctx.ids,
    }),
  ];
}

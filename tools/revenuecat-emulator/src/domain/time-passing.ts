import { promotionalEvent, subscriptionEvent } from './webhook-events';
import { startNextPeriod, type StoreContext } from './store-subscriptions';
import type { Customer, ExpirationReason, StoreSubscription, WebhookEvent } from './types';

/** Stops a runaway loop, e.g. a one-minute period with the clock moved a year. */
const MAX_RENEWALS_PER_TICK = 5_000;

/**
 * Everything that happens by itself up to `ctx.nowMs`: renewals, expiries (cancelled, paused, billing
 * issue after grace), resumes, promotional expiries. Events carry the time they happened at, in order.
 */
export function passTime(ctx: StoreContext): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const customer of ctx.customers.all()) {
    for (const sub of [...customer.subscriptions]) events.push(...advanceSubscription(ctx, customer, sub));
    events.push(...expireGrants(ctx, customer));
    for (const bought of customer.nonSubscriptions)
      if (bought.expiresMs !== null && bought.expiresMs <= ctx.nowMs) bought.expirationSent = true;
  }
  return events.sort((a, b) => a.event_timestamp_ms - b.event_timestamp_ms);
}

function expiration(
  ctx: StoreContext,
  customer: Customer,
  sub: StoreSubscription,
  atMs: number,
  reason: ExpirationReason,
) {
  sub.expirationSent = true;
  return subscriptionEvent(
    'EXPIRATION',
    customer,
    sub,
    { appId: ctx.appId, timestampMs: atMs, ids: ctx.ids },
    { expiration_reason: reason },
  );
}

function advanceSubscription(
  ctx: StoreContext,
  customer: Customer,
  start: StoreSubscription,
): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  let sub = start;
  for (let i = 0; i < MAX_RENEWALS_PER_TICK; i += 1) {
    if (sub.refundedMs !== null) break;
    if (sub.expirationSent) {
      const resumeAt = sub.autoResumeMs;
      if (sub.pausedMs === null || resumeAt === null || resumeAt > ctx.nowMs) break;
      const resumed = startNextPeriod(ctx, customer, sub, resumeAt);
      events.push(...resumed.events);
      sub = resumed.sub;
      continue;
    }
    if (sub.billingIssueDetectedMs !== null) {
      const endMs = Math.max(sub.gracePeriodExpiresMs ?? 0, sub.expiresMs);
      if (endMs <= ctx.nowMs) events.push(expiration(ctx, customer, sub, endMs, 'BILLING_ERROR'));
      break;
    }
    if (sub.expiresMs > ctx.nowMs) break;
    if (sub.unsubscribeDetectedMs !== null) {
      events.push(expiration(ctx, customer, sub, sub.expiresMs, 'UNSUBSCRIBE'));
      break;
    }
    if (sub.pausedMs !== null) {
      events.push(expiration(ctx, customer, sub, sub.expiresMs, 'SUBSCRIPTION_PAUSED'));
      continue;
    }
    if (!ctx.autoRenew) {
      events.push(expiration(ctx, customer, sub, sub.expiresMs, 'UNKNOWN'));
      break;
    }
    const renewed = startNextPeriod(ctx, customer, sub, sub.expiresMs);
    events.push(...renewed.events);
    sub = renewed.sub;
  }
  return events;
}

function expireGrants(ctx: StoreContext, customer: Customer): WebhookEvent[] {
  const nowMs = ctx.nowMs;
  const events: WebhookEvent[] = [];
  for (const grant of customer.grants) {
    if (grant.revokedMs !== null || grant.expirationSent || grant.endMs === null || grant.endMs > nowMs)
      continue;
    grant.expirationSent = true;
    events.push(
      promotionalEvent(
        'EXPIRATION',
        customer,
        grant,
        { timestampMs: grant.endMs, ids: ctx.ids },
        { expiration_reason: 'UNKNOWN' },
      ),
    );
  }
  return events;
}

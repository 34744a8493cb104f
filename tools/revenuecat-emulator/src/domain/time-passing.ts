import { promotionalEvent, subscriptionEvent } from './webhook-events';
import { startNextPeriod, type StoreContext } from './store-subscriptions';
import type { Customer, ExpirationReason, StoreSubscription, WebhookEvent } from './types';

/** Stops a runaway loop, e.g. a one-minute period with the clock moved a year. */
const MAX_RENEWALS_PER_TICK = 5_000;

/**
 * Everything that happens by itself up to `ctx.nowMs`: renewals, expiries (cancelled, paused, billing
 * issue after grace), resumes, promotional expiries. Events carry the time they happened at, in order.
 * `customers`: whom to look at (default: everyone).
 */
export function passTime(ctx: StoreContext, customers?: readonly Customer[]): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const customer of customers ?? ctx.customers.all()) {
    for (const sub of [...customer.subscriptions]) events.push(...advanceSubscription(ctx, customer, sub));
    events.push(...expireGrants(ctx, customer));
    for (const bought of customer.nonSubscriptions)
      if (bought.expiresMs !== null && bought.expiresMs <= ctx.nowMs) bought.expirationSent = true;
  }
  return events.sort((a, b) => a.event_timestamp_ms - b.event_timestamp_ms);
}

/**
 * The earliest time at which passTime can find something to do for the customer (Infinity: nothing will
 * happen by itself). Never later than the truth: an earlier answer only costs a look too many.
 */
export function nextDueMs(customer: Customer): number {
  let due = Number.POSITIVE_INFINITY;
  for (const sub of customer.subscriptions) {
    if (sub.refundedMs !== null) continue;
    if (sub.expirationSent) {
      if (sub.pausedMs !== null && sub.autoResumeMs !== null) due = Math.min(due, sub.autoResumeMs);
    } else if (sub.billingIssueDetectedMs !== null) {
      due = Math.min(due, Math.max(sub.gracePeriodExpiresMs ?? 0, sub.expiresMs));
    } else {
      due = Math.min(due, sub.expiresMs);
    }
  }
  for (const grant of customer.grants)
    if (grant.revokedMs === null && !grant.expirationSent && grant.endMs !== null)
      due = Math.min(due, grant.endMs);
  for (const bought of customer.nonSubscriptions)
    if (bought.expiresMs !== null && !bought.expirationSent) due = Math.min(due, bought.expiresMs);
  return due;
}

/**
 * Lets time pass on every request without looking at every customer each time (a 25,000-member team made
 * that scan most of the emulator's work): everyone is looked at once the earliest thing due among them has
 * come, or after `all()`; otherwise only the customers handed out since the last pass, the only ones an
 * action can have changed. The same events as passTime over everyone.
 */
export function createTimeKeeper() {
  let nextDue = Number.NEGATIVE_INFINITY;
  return (ctx: StoreContext): { events: WebhookEvent[]; looked: number } => {
    const touched = ctx.customers.takeTouched();
    const everyone = touched === 'everyone' || ctx.nowMs >= nextDue;
    const scope = everyone ? ctx.customers.all() : touched;
    const events = passTime(ctx, scope);
    ctx.customers.takeTouched(); // what this pass handed out or changed is accounted for just below
    let due = everyone ? Number.POSITIVE_INFINITY : nextDue;
    for (const customer of scope) due = Math.min(due, nextDueMs(customer));
    nextDue = due;
    return { events, looked: scope.length };
  };
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

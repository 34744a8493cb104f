import { AppError } from '@teamseat/errors';
import { reportedExpiry, type Expiry } from '../../domain/expiry';
import type { Subscriber, SubscriberEntitlement, SubscriberSubscription } from '../../domain/subscriber';
import { REVENUECAT_UNAVAILABLE } from './revenuecat-errors';

/** API v2 has no lifetime grant, so a lifetime grant is made until then (read back as lifetime). */
export const FAR_FUTURE_MS = Date.UTC(9000, 0, 1);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function dateMs(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** RevenueCat's `expires_date`: null means lifetime, and so does any date from 2200 on (ADR 0029). */
const expiry = (value: unknown): Expiry => reportedExpiry(dateMs(value));

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function entitlements(value: unknown): SubscriberEntitlement[] {
  if (!isObject(value)) return [];
  return Object.entries(value)
    .filter((entry): entry is [string, Json] => isObject(entry[1]))
    .map(([id, e]) => ({
      id,
      expiresAt: expiry(e.expires_date),
      gracePeriodExpiresAtMs: dateMs(e.grace_period_expires_date),
      productIdentifier: text(e.product_identifier),
      purchaseDateMs: dateMs(e.purchase_date),
    }));
}

function subscriptions(value: unknown): SubscriberSubscription[] {
  if (!isObject(value)) return [];
  return Object.entries(value)
    .filter((entry): entry is [string, Json] => isObject(entry[1]))
    .map(([productId, s]) => ({
      productId,
      store: (text(s.store) ?? 'unknown').toLowerCase(),
      expiresAt: expiry(s.expires_date),
      purchaseDateMs: dateMs(s.purchase_date),
      gracePeriodExpiresAtMs: dateMs(s.grace_period_expires_date),
      billingIssuesDetectedAtMs: dateMs(s.billing_issues_detected_at),
      refundedAtMs: dateMs(s.refunded_at),
      unsubscribeDetectedAtMs: dateMs(s.unsubscribe_detected_at),
      ownershipType: (text(s.ownership_type) ?? 'PURCHASED').toUpperCase(),
      periodType: text(s.period_type),
    }));
}

/**
 * Reads a v1 subscriber body (`GET /v1/subscribers/{id}`, and the grant and revoke answers) leniently:
 * unknown fields are ignored and missing ones get neutral values, as RevenueCat adds fields without a
 * version change. A body without a `subscriber` object is RevenueCat misbehaving: retriable.
 */
export function parseSubscriberBody(appUserId: string, body: unknown, receivedAtMs: number): Subscriber {
  if (!isObject(body) || !isObject(body.subscriber)) {
    throw new AppError('UNAVAILABLE', 'RevenueCat answered without a subscriber object', {
      reason: REVENUECAT_UNAVAILABLE,
      retriable: true,
      details: { appUserId },
    });
  }
  const s = body.subscriber;
  const requestDateMs =
    typeof body.request_date_ms === 'number' && Number.isFinite(body.request_date_ms)
      ? body.request_date_ms
      : (dateMs(body.request_date) ?? receivedAtMs);
  return {
    appUserId,
    originalAppUserId: text(s.original_app_user_id) ?? appUserId,
    requestDateMs,
    entitlements: entitlements(s.entitlements),
    subscriptions: subscriptions(s.subscriptions),
  };
}

import { isLifetime, reportedExpiry, type Expiry } from './expiry';
import { promotionalEnds, type Subscriber } from './subscriber';
import { isPlausibleEventTime } from './watermark';

/** What a promotional webhook says about the user (the fields of a RevenueCat event this reads). */
export interface PromotionalEvent {
  type: string;
  store?: string | null | undefined;
  entitlement_ids?: string[] | null | undefined;
  expiration_at_ms?: number | null | undefined;
  event_timestamp_ms?: unknown;
}

/** `expires_date` has whole seconds in RevenueCat's answers; the events carry milliseconds. */
const SAME_WITHIN_MS = 1_000;

export const isPromotionalEvent = (event: PromotionalEvent): boolean =>
  (event.store ?? '').toUpperCase() === 'PROMOTIONAL';

function sameExpiry(a: Expiry, b: Expiry): boolean {
  if (isLifetime(a) || isLifetime(b)) return a === b;
  return Math.abs(a - b) < SAME_WITHIN_MS;
}

/**
 * True when a promotional grant's or revoke's webhook (REVENUECAT.md: a grant comes back as
 * NON_RENEWING_PURCHASE, a revoke as CANCELLATION, store PROMOTIONAL) says nothing the stored snapshot does
 * not already show, so reading the customer again would learn nothing (ADR 0039). These are mostly the echoes
 * of our own calls, whose answers were stored as the snapshot. A grant is shown when every entitlement it
 * names has a promotional entry ending when the event says; a revoke when no promotional entry of those
 * entitlements runs past the event's time. Anything else (EXPIRATION, no entitlements, no snapshot, an
 * implausible time) is not judged here: the customer is read as for any webhook.
 */
export function echoShownBy(event: PromotionalEvent, snapshot: Subscriber | undefined): boolean {
  if (!snapshot || !isPromotionalEvent(event)) return false;
  const entitlements = event.entitlement_ids ?? [];
  if (entitlements.length === 0) return false;
  if (event.type === 'NON_RENEWING_PURCHASE') {
    if (event.expiration_at_ms === undefined) return false;
    const granted = reportedExpiry(event.expiration_at_ms);
    return entitlements.every((entitlement) =>
      promotionalEnds(snapshot, entitlement).some((end) => sameExpiry(end, granted)),
    );
  }
  if (event.type === 'CANCELLATION') {
    const at = event.event_timestamp_ms;
    if (!isPlausibleEventTime(at)) return false;
    return entitlements.every((entitlement) =>
      promotionalEnds(snapshot, entitlement).every((end) => end <= at + SAME_WITHIN_MS),
    );
  }
  return false;
}

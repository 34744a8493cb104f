import type { IdSource } from './ids';
import { promotionalEvent } from './webhook-events';
import { DAY_MS, HOUR_MS, type Customer, type PromotionalGrant, type WebhookEvent } from './types';

/** The deprecated `duration` values of the v1 grant endpoint. */
export const PROMO_DURATIONS = [
  'daily',
  'three_day',
  'weekly',
  'two_week',
  'monthly',
  'two_month',
  'three_month',
  'six_month',
  'yearly',
  'lifetime',
] as const;
export type PromoDuration = (typeof PROMO_DURATIONS)[number];

/** RevenueCat treats a grant ending within this window of an active promotional expiry as a duplicate. */
export const DEFAULT_DUPLICATE_WINDOW_MS = 2 * HOUR_MS;

const FIXED_DAYS: Partial<Record<PromoDuration, number>> = {
  daily: 1,
  three_day: 3,
  weekly: 7,
  two_week: 14,
};
const MONTHS: Partial<Record<PromoDuration, number>> = {
  monthly: 1,
  two_month: 2,
  three_month: 3,
  six_month: 6,
  yearly: 12,
};

/** When a `duration` grant ends; months are calendar months (UTC). null: lifetime. */
export function durationEnd(duration: PromoDuration, startMs: number): number | null {
  if (duration === 'lifetime') return null;
  const days = FIXED_DAYS[duration];
  if (days !== undefined) return startMs + days * DAY_MS;
  const end = new Date(startMs);
  end.setUTCMonth(end.getUTCMonth() + (MONTHS[duration] ?? 0));
  return end.getTime();
}

export function isGrantActive(grant: PromotionalGrant, nowMs: number): boolean {
  return grant.revokedMs === null && (grant.endMs === null || grant.endMs > nowMs);
}

export function activeGrants(customer: Customer, entitlement: string, nowMs: number): PromotionalGrant[] {
  return customer.grants.filter((g) => g.entitlement === entitlement && isGrantActive(g, nowMs));
}

export interface GrantRequest {
  entitlement: string;
  endMs: number | null;
  /** `monthly` etc. for the deprecated form, `custom` for `end_time_ms`; names the `rc_promo_…` key. */
  durationLabel: string;
  nowMs: number;
  duplicateWindowMs: number;
  /** API v2 grants "unless one already exists": any active grant blocks a new one. */
  skipIfActive?: boolean;
  ids: IdSource;
}

export interface GrantOutcome {
  grant: PromotionalGrant | null;
  /** The active grant that made this one count as a duplicate. */
  duplicateOf: PromotionalGrant | null;
  events: WebhookEvent[];
}

/**
 * Grants a promotional entitlement, with RevenueCat's duplicate rule: a grant whose end is within the window
 * of an active grant's end (or any grant when one is for life) changes nothing and sends no webhook.
 */
export function grantPromotional(customer: Customer, request: GrantRequest): GrantOutcome {
  const { entitlement, endMs, nowMs, duplicateWindowMs, ids } = request;
  const active = activeGrants(customer, entitlement, nowMs);
  const duplicateOf =
    active.find(
      (g) =>
        request.skipIfActive === true ||
        g.endMs === null ||
        (endMs !== null && duplicateWindowMs > 0 && Math.abs(g.endMs - endMs) <= duplicateWindowMs),
    ) ?? null;
  if (duplicateOf) return { grant: null, duplicateOf, events: [] };

  const grant: PromotionalGrant = {
    id: ids.hex(16),
    entitlement,
    productKey: `rc_promo_${entitlement}_${request.durationLabel}`,
    startMs: nowMs,
    endMs,
    revokedMs: null,
    expirationSent: false,
  };
  customer.grants.push(grant);
  return {
    grant,
    duplicateOf: null,
    events: [promotionalEvent('NON_RENEWING_PURCHASE', customer, grant, { timestampMs: nowMs, ids })],
  };
}

/** Revokes every active promotional grant of the entitlement, as v1 `revoke_promotionals` does. */
export function revokePromotionals(
  customer: Customer,
  entitlement: string,
  nowMs: number,
  ids: IdSource,
): { revoked: PromotionalGrant[]; events: WebhookEvent[] } {
  const revoked = activeGrants(customer, entitlement, nowMs);
  for (const grant of revoked) grant.revokedMs = nowMs;
  const events = revoked.map((grant) =>
    promotionalEvent(
      'CANCELLATION',
      customer,
      grant,
      { timestampMs: nowMs, ids },
      { cancel_reason: 'CUSTOMER_SUPPORT' },
    ),
  );
  return { revoked, events };
}

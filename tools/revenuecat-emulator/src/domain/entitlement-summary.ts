import type { Customer, PromotionalGrant } from './types';

/** One entitlement as v1 reports it: the source with the furthest-out expiry (null = for life). */
export interface EntitlementSummary {
  entitlement: string;
  expiresMs: number | null;
  gracePeriodExpiresMs: number | null;
  productId: string;
  purchaseMs: number;
  /** The promotional grant this summary comes from, when it does. */
  grant?: PromotionalGrant;
}

type Candidate = EntitlementSummary;

function later(a: Candidate, b: Candidate): Candidate {
  if (a.expiresMs === null && b.expiresMs !== null) return a;
  if (b.expiresMs === null && a.expiresMs !== null) return b;
  if (a.expiresMs !== b.expiresMs) return (a.expiresMs ?? 0) > (b.expiresMs ?? 0) ? a : b;
  return a.purchaseMs >= b.purchaseMs ? a : b;
}

/**
 * Every entitlement the customer ever had, expired ones included (RevenueCat keeps them in the map; active
 * means a null or future expiry). A billing issue in grace keeps access until the grace period ends.
 */
export function summarizeEntitlements(customer: Customer): Map<string, EntitlementSummary> {
  const candidates: Candidate[] = [];
  for (const sub of customer.subscriptions) {
    let expiresMs = sub.expiresMs;
    if (sub.billingIssueDetectedMs !== null && sub.gracePeriodExpiresMs !== null)
      expiresMs = Math.max(expiresMs, sub.gracePeriodExpiresMs);
    if (sub.refundedMs !== null) expiresMs = Math.min(expiresMs, sub.refundedMs);
    for (const entitlement of sub.entitlements)
      candidates.push({
        entitlement,
        expiresMs,
        gracePeriodExpiresMs: sub.gracePeriodExpiresMs,
        productId: sub.productId,
        purchaseMs: sub.purchaseMs,
      });
  }
  for (const bought of customer.nonSubscriptions)
    for (const entitlement of bought.entitlements)
      candidates.push({
        entitlement,
        expiresMs: bought.refundedMs ?? bought.expiresMs,
        gracePeriodExpiresMs: null,
        productId: bought.productId,
        purchaseMs: bought.purchaseMs,
      });
  for (const grant of customer.grants)
    candidates.push({
      entitlement: grant.entitlement,
      expiresMs: grant.revokedMs ?? grant.endMs,
      gracePeriodExpiresMs: null,
      productId: grant.productKey,
      purchaseMs: grant.startMs,
      grant,
    });

  const byEntitlement = new Map<string, EntitlementSummary>();
  for (const candidate of candidates) {
    const current = byEntitlement.get(candidate.entitlement);
    byEntitlement.set(candidate.entitlement, current ? later(current, candidate) : candidate);
  }
  return byEntitlement;
}

export function isActive(summary: EntitlementSummary, nowMs: number): boolean {
  return summary.expiresMs === null || summary.expiresMs > nowMs;
}

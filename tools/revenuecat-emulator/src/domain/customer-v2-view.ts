import { entitlementIdFor, type EmulatorCatalog } from './catalog';
import { isActive, summarizeEntitlements } from './entitlement-summary';
import type { Customer } from './types';

/** The v2 `Customer` object: RevenueCat entitlement ids (not lookup keys) and epoch milliseconds. */
export function customerV2View(
  customer: Customer,
  projectId: string,
  catalog: EmulatorCatalog,
  nowMs: number,
) {
  const base = `/v2/projects/${encodeURIComponent(projectId)}/customers/${encodeURIComponent(customer.appUserId)}`;
  const items = [...summarizeEntitlements(customer).values()]
    .filter((summary) => isActive(summary, nowMs))
    .map((summary) => ({
      object: 'customer.active_entitlement' as const,
      entitlement_id:
        catalog.entitlementByLookupKey(summary.entitlement)?.id ?? entitlementIdFor(summary.entitlement),
      expires_at: summary.expiresMs,
    }));
  return {
    object: 'customer' as const,
    id: customer.appUserId,
    project_id: projectId,
    first_seen_at: customer.firstSeenMs,
    last_seen_at: customer.lastSeenMs,
    last_seen_app_version: null,
    last_seen_country: null,
    last_seen_platform: null,
    last_seen_platform_version: null,
    active_entitlements: {
      object: 'list' as const,
      items,
      next_page: null,
      url: `${base}/active_entitlements`,
    },
  };
}

export function entitlementListV2View(projectId: string, catalog: EmulatorCatalog, createdAtMs: number) {
  return {
    object: 'list' as const,
    items: catalog.entitlements.map((e) => ({
      object: 'entitlement' as const,
      project_id: projectId,
      id: e.id,
      lookup_key: e.lookupKey,
      display_name: e.displayName,
      created_at: createdAtMs,
    })),
    next_page: null,
    url: `/v2/projects/${encodeURIComponent(projectId)}/entitlements`,
  };
}

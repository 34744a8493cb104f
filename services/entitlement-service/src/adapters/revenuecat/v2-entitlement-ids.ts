import { AppError } from '@teamseat/errors';
import { REVENUECAT_REJECTED } from './revenuecat-errors';

/**
 * API v2 names entitlements by RevenueCat id (`entl…`), not by the lookup key the catalog and v1 use.
 * The project's list is read once and again when a key is missing (a new entitlement was created).
 */
export function createV2EntitlementIds({ list }: { list: (path?: string) => Promise<unknown> }) {
  let ids: Map<string, string> | undefined;

  async function load(): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    let path: string | undefined;
    do {
      const page = (await list(path)) as {
        items?: Array<{ id?: unknown; lookup_key?: unknown }>;
        next_page?: unknown;
      };
      for (const item of page.items ?? []) {
        if (typeof item.id === 'string' && typeof item.lookup_key === 'string')
          result.set(item.lookup_key, item.id);
      }
      path = typeof page.next_page === 'string' && page.next_page !== '' ? page.next_page : undefined;
    } while (path);
    return result;
  }

  return {
    async idOf(lookupKey: string): Promise<string> {
      let id = (ids ??= await load()).get(lookupKey);
      if (id === undefined) {
        ids = await load();
        id = ids.get(lookupKey);
      }
      if (id === undefined) {
        throw new AppError(
          'FAILED_PRECONDITION',
          `entitlement "${lookupKey}" does not exist in the RevenueCat project`,
          {
            reason: REVENUECAT_REJECTED,
            details: { entitlement: lookupKey },
          },
        );
      }
      return id;
    },
  };
}

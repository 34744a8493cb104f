import { buildCatalog } from '../../src/domain/catalog';
import { createCustomerStore } from '../../src/domain/customers';
import type { StoreContext } from '../../src/domain/store-subscriptions';
import { SAMPLE_CATALOG } from '../../src/config';
import { sequentialIds } from './sequential-ids';

const DAY = 86_400_000;

/** An empty emulated store on the sample catalog; `at(now)` is the context of an action at that time. */
export function storeContext(autoRenew = true) {
  const customers = createCustomerStore();
  const catalog = buildCatalog(SAMPLE_CATALOG);
  const ids = sequentialIds();
  const at = (nowMs: number): StoreContext => ({
    customers,
    catalog,
    appId: 'app',
    nowMs,
    autoRenew,
    defaultGracePeriodMs: 6 * DAY,
    ids,
  });
  return { customers, ids, at };
}

import type { CustomerRecord } from './customer';

/**
 * How old the stored snapshot is (wall ms since it was written) when it is fresh enough to answer a
 * SyncCustomer without reading RevenueCat again; undefined when there is none or it is too old (ADR 0022).
 */
export function freshSnapshotAgeMs(
  record: Pick<CustomerRecord, 'snapshot' | 'syncedAt'> | undefined,
  nowMs: number,
  freshForMs: number,
): number | undefined {
  if (!record?.snapshot || !record.syncedAt) return undefined;
  const ageMs = Math.max(0, nowMs - record.syncedAt.getTime());
  return ageMs < freshForMs ? ageMs : undefined;
}

import type { EntitlementChange } from '@teamseat/contracts';

export interface ChangeFilter {
  userIds: ReadonlySet<string>;
  entitlements: ReadonlySet<string>;
}

interface Subscription {
  filter: ChangeFilter;
  listener: (change: EntitlementChange) => void;
  onClose: () => void;
}

export interface ChangeHub {
  /** Returns the unsubscribe function; `onClose` runs if the hub closes the subscription first. */
  subscribe(
    filter: ChangeFilter,
    listener: (change: EntitlementChange) => void,
    onClose: () => void,
  ): () => void;
  emit(change: EntitlementChange): void;
  /** Ends every subscription (shutdown). */
  closeAll(): void;
  size(): number;
}

/** Fans published changes out to WatchEntitlementChanges streams, filtered by user and entitlement. */
export function createChangeHub(): ChangeHub {
  const subscriptions = new Set<Subscription>();
  const matches = ({ userIds, entitlements }: ChangeFilter, change: EntitlementChange) =>
    (userIds.size === 0 || userIds.has(change.data.userId)) &&
    (entitlements.size === 0 || entitlements.has(change.data.entitlement));

  return {
    subscribe(filter, listener, onClose) {
      const subscription = { filter, listener, onClose };
      subscriptions.add(subscription);
      return () => void subscriptions.delete(subscription);
    },
    emit(change) {
      for (const { filter, listener } of subscriptions) if (matches(filter, change)) listener(change);
    },
    closeAll() {
      const all = [...subscriptions];
      subscriptions.clear();
      for (const subscription of all) subscription.onClose();
    },
    size: () => subscriptions.size,
  };
}

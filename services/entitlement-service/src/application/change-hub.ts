import type { EntitlementChange } from '@teamseat/contracts';

export interface ChangeFilter {
  userIds: ReadonlySet<string>;
  entitlements: ReadonlySet<string>;
  /** Only changes of this team's members: its grant is the source, or its grant terms caused it (ADR 0037). */
  teamId?: string | undefined;
}

/** The CloudEvents extension attribute naming the team whose grant terms caused a change (ADR 0037). */
export const CAUSE_TEAM_ATTRIBUTE = 'teamseatcauseteam';

/** The team whose grant terms caused the change, when one did. */
export function causeTeamOf(change: object): string | undefined {
  const teamId = (change as Record<string, unknown>)[CAUSE_TEAM_ATTRIBUTE];
  return typeof teamId === 'string' ? teamId : undefined;
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

/** Fans published changes out to WatchEntitlementChanges streams, filtered by user, entitlement and team. */
export function createChangeHub(): ChangeHub {
  const subscriptions = new Set<Subscription>();
  const matches = ({ userIds, entitlements, teamId }: ChangeFilter, change: EntitlementChange) =>
    (userIds.size === 0 || userIds.has(change.data.userId)) &&
    (entitlements.size === 0 || entitlements.has(change.data.entitlement)) &&
    (teamId === undefined || change.data.source.teamId === teamId || causeTeamOf(change) === teamId);

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

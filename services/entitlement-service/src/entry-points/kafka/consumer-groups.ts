import { parkedTopic, type ConsumedTopics } from '@teamseat/kafka';
import type { ConsumerSettings } from './create-consumers';

/** The consumer group names of entitlement-service's consumers: one place for the consumers and their lag. */
export const groupIds = (prefix: string) => ({
  webhooks: `${prefix}.webhooks`,
  memberGrants: `${prefix}.member-grants`,
  /** Each instance reads every change in a group of its own: its lag is not a backlog of work. */
  changes: (instance: string) => `${prefix}.changes.${instance}`,
});

/** The groups whose lag is work waiting: the two work topics and their parking topics (ADR 0019). */
export function workGroups(settings: Pick<ConsumerSettings, 'groupPrefix' | 'topics'>): ConsumedTopics[] {
  const ids = groupIds(settings.groupPrefix);
  const { webhooks, memberGrants } = settings.topics;
  return [
    { groupId: ids.webhooks, topics: [webhooks] },
    { groupId: ids.memberGrants, topics: [memberGrants] },
    // The parking consumers' groups are `<group>.parked` (packages/kafka/src/parking-consumer.ts).
    { groupId: `${ids.webhooks}.parked`, topics: [parkedTopic(webhooks)] },
    { groupId: `${ids.memberGrants}.parked`, topics: [parkedTopic(memberGrants)] },
  ];
}

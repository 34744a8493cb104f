import { buildMemberGrantTerms, encodeMemberGrantTerms, type MemberGrant } from '@teamseat/contracts';
import { createBatchingProducer, createKafka, type BatchingProducer } from '@teamseat/kafka';
import { waitFor } from '@teamseat/testing';
import { metricSum } from './metrics';
import type { E2eStack } from './e2e-harness';
import { testLogger } from './service-harness';

export interface ForgedFact {
  userId: string;
  teamId: string;
  teamVersion: number;
  grant: MemberGrant;
  entitlements?: string[];
  productId?: string;
}

/**
 * Produces grant-terms facts by hand on the stack's real member-grants topic, as an attacker or an operator
 * replaying old records could (webhooks too), and waits until entitlement-service's consumer groups have
 * committed past them.
 */
export async function startFactForger(stack: E2eStack) {
  const logger = testLogger();
  const kafka = createKafka({ brokers: stack.config.KAFKA_BROKERS, clientId: 'forger', logger });
  const producer: BatchingProducer = createBatchingProducer({ kafka, logger });
  await producer.connect();
  const admin = kafka.admin();
  await admin.connect();
  const topic = stack.topics.memberGrants;
  const prefix = stack.config.CONSUMER_GROUP_ID;

  /** True once the group's committed offset reaches the end of every partition of the topic. */
  async function consumedAll(topic: string, groupId: string): Promise<boolean> {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    return ends.every((end) => Number(end.high) === 0 || (at.get(end.partition) ?? -1) >= Number(end.high));
  }

  return {
    async produce(facts: ForgedFact[]): Promise<void> {
      await producer.sendMany(
        topic,
        facts.map((fact) => ({
          key: fact.userId,
          value: encodeMemberGrantTerms(
            buildMemberGrantTerms(
              {
                userId: fact.userId,
                teamId: fact.teamId,
                teamVersion: fact.teamVersion,
                productId: fact.productId ?? 'team_large_monthly',
                entitlements: fact.entitlements ?? ['pro'],
                grant: fact.grant,
              },
              { source: 'forger' },
            ),
          ),
        })),
      );
    },
    /** A RevenueCat webhook record produced by hand on the webhooks topic, past the gateway. */
    async produceWebhook(event: { id: string; type: string; app_user_id: string } & Record<string, unknown>) {
      await producer.send(stack.topics.webhooks, {
        key: event.app_user_id,
        value: JSON.stringify({ api_version: '1.0', event }),
        headers: {
          'rc-event-id': event.id,
          'rc-event-type': event.type,
          'received-at': new Date().toISOString(),
        },
      });
    },
    /** Waits until every record on the topic (ours and team-service's) has been handled and committed. */
    async settled(): Promise<void> {
      const done = async () =>
        (await consumedAll(topic, `${prefix}.member-grants`)) &&
        (await consumedAll(stack.topics.webhooks, `${prefix}.webhooks`));
      await waitFor(async () => ((await done()) ? true : undefined), {
        timeoutMs: 60_000,
        intervalMs: 200,
      });
    },
    /** Promotional grants entitlement-service asked RevenueCat for, so far. */
    grantCalls: () => metricSum(stack.service.registry, 'revenuecat_calls_total', { operation: 'grant' }),
    async stop() {
      await admin.disconnect();
      await producer.disconnect();
    },
  };
}

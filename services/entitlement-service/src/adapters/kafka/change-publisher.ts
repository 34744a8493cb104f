import { randomUUID } from 'node:crypto';
import {
  cloudEventKafkaHeaders,
  EVENT_SOURCES,
  buildEntitlementChange,
  encodeEntitlementChange,
  type AccessSource,
} from '@teamseat/contracts';
import type { BatchingProducer } from '@teamseat/kafka';
import { activeTraceparent } from '@teamseat/telemetry';
import { CAUSE_TEAM_ATTRIBUTE } from '../../application/change-hub';
import type { ChangePublisher } from '../../application/ports';
import type { AccessSource as DomainSource } from '../../domain/access';
import { isLifetime, type Expiry } from '../../domain/expiry';

const iso = (expiry: Expiry | undefined): string | null =>
  expiry === undefined || isLifetime(expiry) ? null : new Date(expiry).toISOString();

function source(domain: DomainSource | undefined, active: boolean): AccessSource {
  if (!domain || !active) return { kind: 'none' };
  if (domain.kind === 'team-grant')
    return { kind: 'team-grant', teamId: domain.teamIds[0] ?? 'unknown', productId: domain.productId };
  if (domain.kind === 'promotional-other') return { kind: 'promotional', productId: domain.productId };
  return { kind: 'store', productId: domain.productId };
}

/** CloudEvents extension naming the instance that published: it skips its own events when invalidating. */
export const ORIGIN_ATTRIBUTE = 'teamseatorigin';

export function originOf(change: object): string | undefined {
  const origin = (change as Record<string, unknown>)[ORIGIN_ATTRIBUTE];
  return typeof origin === 'string' ? origin : undefined;
}

/**
 * Publishes `teamseat.entitlement-changes.v1` (DESIGN §2), keyed by app user id, validated by the contract
 * before it leaves. `expiresAt` null with `active` true means lifetime.
 */
export function createChangePublisher({
  producer,
  topic,
  instanceId,
}: {
  producer: BatchingProducer;
  topic: string;
  instanceId: string;
}): ChangePublisher {
  return {
    async publish(facts, context) {
      if (facts.length === 0) return;
      // The work being traced (a webhook's, a grant fact's) is the change's cause.
      const traceparent = activeTraceparent() ?? context.traceparent;
      const messages = facts.map((fact) => {
        const before = fact.previous;
        const envelope = buildEntitlementChange(
          {
            userId: fact.userId,
            entitlement: fact.entitlement,
            active: fact.active,
            expiresAt: fact.active || fact.expiresAt !== undefined ? iso(fact.expiresAt) : null,
            source: source(fact.source, fact.active),
            cause: context.cause,
            causationId: context.causationId ?? null,
            previous: before ? { active: before.active, expiresAt: iso(before.expiresAt) } : null,
          },
          {
            id: randomUUID(),
            source: EVENT_SOURCES.entitlementService,
            ...(context.causationId ? { causationid: context.causationId } : {}),
            ...(traceparent ? { traceparent } : {}),
          },
        );
        return {
          key: fact.userId,
          value: encodeEntitlementChange({
            ...envelope,
            [ORIGIN_ATTRIBUTE]: instanceId,
            ...(context.teamId ? { [CAUSE_TEAM_ATTRIBUTE]: context.teamId } : {}),
          }),
          headers: cloudEventKafkaHeaders(envelope),
        };
      });
      await producer.sendMany(topic, messages);
    },
  };
}

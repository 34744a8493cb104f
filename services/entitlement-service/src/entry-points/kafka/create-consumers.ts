import { randomUUID } from 'node:crypto';
import {
  decodeEntitlementChange,
  decodeMemberGrantTerms,
  type EntitlementChange,
  type MemberGrantTerms,
} from '@teamseat/contracts';
import {
  createResilientConsumer,
  type BatchingProducer,
  type Kafka,
  type ResilientConsumer,
} from '@teamseat/kafka';
import type { Logger } from '@teamseat/logger';
import type { TeamTerms } from '../../domain/team-terms';
import type { ConfirmTerms, UserReconciler, WebhookHandler } from '../../application';
import type { ConsumerMetrics } from './consumer-metrics';

export interface ConsumerSettings {
  groupPrefix: string;
  topics: { webhooks: string; memberGrants: string; changes: string };
  concurrency: { webhooks: number; memberGrants: number };
  backoff: { initialMs: number; maxMs: number };
  maxWaitTimeInMs: number;
}

/** The fact's terms in the ledger's form (milliseconds instead of ISO dates). */
function teamTermsOf({ data }: MemberGrantTerms): TeamTerms {
  const { grant } = data;
  return {
    teamId: data.teamId,
    teamVersion: data.teamVersion,
    productId: data.productId,
    entitlements: [...data.entitlements],
    grant:
      grant.kind === 'until' ? { kind: 'until', untilMs: Date.parse(grant.until) } : { kind: grant.kind },
  };
}

/**
 * The service's Kafka edges, thin: decode, call the use case, count. Failures are mapped by the resilient
 * consumer: retriable errors pause the partition (RevenueCat down, rate limited, breaker open, team-service
 * unreachable), others go to `<topic>.dlq` with the reason.
 */
export function createConsumers(deps: {
  kafka: Kafka;
  dlqProducer: BatchingProducer;
  settings: ConsumerSettings;
  webhooks: WebhookHandler;
  reconciler: UserReconciler;
  /** Checks a fact that would grant against team-service's current terms (ADR 0021). */
  confirmTerms: ConfirmTerms;
  onChange: (change: EntitlementChange) => void;
  metrics: ConsumerMetrics;
  logger: Logger;
}): Record<'webhooks' | 'memberGrants' | 'changes', ResilientConsumer> {
  const { kafka, dlqProducer, settings, metrics, logger } = deps;
  const common = {
    kafka,
    dlqProducer,
    logger,
    backoff: settings.backoff,
    maxWaitTimeInMs: settings.maxWaitTimeInMs,
    onRetry: metrics.onRetry,
    onDeadLetter: metrics.onDeadLetter,
  };

  const webhooks = createResilientConsumer({
    ...common,
    groupId: `${settings.groupPrefix}.webhooks`,
    topics: [settings.topics.webhooks],
    partitionsConsumedConcurrently: settings.concurrency.webhooks,
    handler: async function handleWebhook(message, log) {
      const started = performance.now();
      const outcome = await deps.webhooks.handle(message.value, log);
      metrics.handled(message.topic, outcome, (performance.now() - started) / 1000);
    },
  });

  const memberGrants = createResilientConsumer({
    ...common,
    groupId: `${settings.groupPrefix}.member-grants`,
    topics: [settings.topics.memberGrants],
    partitionsConsumedConcurrently: settings.concurrency.memberGrants,
    handler: async function handleMemberGrantTerms(message, log) {
      const started = performance.now();
      const fact = decodeMemberGrantTerms(message.value ?? Buffer.alloc(0));
      const { userId } = fact.data;
      const result = await deps.reconciler.applyTerms(
        userId,
        teamTermsOf(fact),
        { cause: 'team-event', causationId: fact.causationid ?? fact.id },
        { confirm: deps.confirmTerms },
      );
      log.debug(
        { userId, teamId: fact.data.teamId, teamVersion: fact.data.teamVersion, stale: !result },
        result ? 'user reconciled from new team terms' : 'stale or repeated grant terms ignored',
      );
      const outcome = !result ? 'stale' : result.failed > 0 ? 'failed-grants' : 'reconciled';
      metrics.handled(message.topic, outcome, (performance.now() - started) / 1000);
    },
  });

  // Every instance reads every change (its own group, from now on): it invalidates its CheckAccess cache
  // and feeds its WatchEntitlementChanges streams, whichever instance made the change.
  const changes = createResilientConsumer({
    ...common,
    groupId: `${settings.groupPrefix}.changes.${randomUUID()}`,
    topics: [settings.topics.changes],
    fromBeginning: false,
    partitionsConsumedConcurrently: 1,
    handler: async function handleChange(message, log) {
      try {
        deps.onChange(decodeEntitlementChange(message.value ?? Buffer.alloc(0)));
      } catch (error) {
        // Only a cache hint here: a bad record is the producer's problem, not worth a dead letter per instance.
        log.warn({ err: error }, 'unreadable entitlement change ignored');
      }
    },
  });

  for (const [name, consumer] of Object.entries({ webhooks, memberGrants, changes }))
    metrics.watch(name, consumer);
  return { webhooks, memberGrants, changes };
}

import { randomUUID } from 'node:crypto';
import { decodeEntitlementChange, type EntitlementChange } from '@teamseat/contracts';
import {
  createResilientConsumer,
  type BatchingProducer,
  type Kafka,
  type ResilientConsumer,
} from '@teamseat/kafka';
import type { Logger } from '@teamseat/logger';
import { decodeReconcileRequest } from '../../use-cases/reconcile-requests';
import type { TeamEventHandler, UserReconciler, WebhookHandler } from '../../use-cases';
import type { ConsumerMetrics } from './consumer-metrics';

export interface ConsumerSettings {
  groupPrefix: string;
  topics: { webhooks: string; teamEvents: string; reconcile: string; changes: string };
  concurrency: { webhooks: number; teamEvents: number; reconcile: number };
  backoff: { initialMs: number; maxMs: number };
  maxWaitTimeInMs: number;
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
  teamEvents: TeamEventHandler;
  reconciler: UserReconciler;
  onChange: (change: EntitlementChange) => void;
  metrics: ConsumerMetrics;
  logger: Logger;
}): Record<'webhooks' | 'teamEvents' | 'reconcile' | 'changes', ResilientConsumer> {
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

  const teamEvents = createResilientConsumer({
    ...common,
    groupId: `${settings.groupPrefix}.team-events`,
    topics: [settings.topics.teamEvents],
    partitionsConsumedConcurrently: settings.concurrency.teamEvents,
    handler: async function handleTeamEvent(message, log) {
      const started = performance.now();
      const outcome = await deps.teamEvents.handle(message.value, log);
      const seconds = (performance.now() - started) / 1000;
      metrics.handled(message.topic, 'skipped' in outcome ? 'skipped' : 'fanned-out', seconds);
    },
  });

  const reconcile = createResilientConsumer({
    ...common,
    groupId: `${settings.groupPrefix}.reconcile`,
    topics: [settings.topics.reconcile],
    partitionsConsumedConcurrently: settings.concurrency.reconcile,
    handler: async function handleReconcileRequest(message, log) {
      const started = performance.now();
      const request = decodeReconcileRequest(message.value);
      const result = await deps.reconciler.reconcile(
        request.userId,
        { cause: request.cause, causationId: request.causationId },
        request.hint,
      );
      log.debug(
        { userId: request.userId, granted: result.granted, revoked: result.revoked, failed: result.failed },
        'user reconciled',
      );
      const seconds = (performance.now() - started) / 1000;
      metrics.handled(message.topic, result.failed > 0 ? 'failed-grants' : 'reconciled', seconds);
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

  for (const [name, consumer] of Object.entries({ webhooks, teamEvents, reconcile, changes }))
    metrics.watch(name, consumer);
  return { webhooks, teamEvents, reconcile, changes };
}

import { randomUUID } from 'node:crypto';
import {
  decodeEntitlementChange,
  decodeMemberGrantTerms,
  type EntitlementChange,
  type MemberGrantTerms,
} from '@teamseat/contracts';
import {
  createParker,
  createParkingConsumer,
  createResilientConsumer,
  tracedHandler,
  type BatchingProducer,
  type Kafka,
  type MessageHandler,
  type ParkingDelays,
  type ResilientConsumer,
} from '@teamseat/kafka';
import type { Logger } from '@teamseat/logger';
import type { TeamTerms } from '../../domain/team-terms';
import type { ConfirmTerms, UserReconciler, WebhookHandler } from '../../application';
import { groupIds } from './consumer-groups';
import type { ConsumerMetrics } from './consumer-metrics';

export interface ConsumerSettings {
  groupPrefix: string;
  topics: { webhooks: string; memberGrants: string; changes: string };
  /** Partitions handled at once. */
  concurrency: { webhooks: number; memberGrants: number };
  /** Users (record keys) handled at once in one partition, each user's messages in order (ADR 0027). */
  usersPerPartition: { webhooks: number; memberGrants: number };
  backoff: { initialMs: number; maxMs: number };
  /** A message failing transiently for `afterMs` is parked and retried from there (ADR 0019). */
  parking: { afterMs: number; delays: ParkingDelays };
  maxWaitTimeInMs: number;
}

export type ConsumerName = 'webhooks' | 'webhooksParked' | 'memberGrants' | 'memberGrantsParked' | 'changes';

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
 * The service's Kafka edges, thin: decode, call the use case, count. Both topics are keyed by user, and
 * the users of one partition are handled at once, each user's messages in order (ADR 0027). Failures are
 * mapped by the resilient consumer: retriable errors hold the message, its user's later ones and its
 * partition's commit point (RevenueCat down, rate limited, breaker open, team-service unreachable) until the
 * parking bound, then park it on `<topic>.parked`, where a parking consumer retries it with growing delay;
 * others go to `<topic>.dlq` with the reason. Parking reorders a user's messages, which is safe here
 * (ADR 0019): webhooks re-read RevenueCat, grant terms carry the team version and stale ones are ignored.
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
}): Record<ConsumerName, ResilientConsumer> {
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
  const parker = createParker({
    kafka,
    producer: dlqProducer,
    delays: settings.parking.delays,
    now: Date.now,
  });
  const parking = { parker, afterMs: settings.parking.afterMs, onPark: metrics.onPark };

  /** The consumer of a topic and the consumer of its parking topic, on the same handler. */
  function withParking(
    groupId: string,
    topic: string,
    concurrency: { partitions: number; users: number },
    handler: MessageHandler,
  ) {
    const traced = tracedHandler('entitlement-service', handler);
    const consumer = createResilientConsumer({
      ...common,
      groupId,
      topics: [topic],
      partitionsConsumedConcurrently: concurrency.partitions,
      keysInFlight: concurrency.users,
      // An open breaker refuses every user: the partition waits instead of failing each of them once.
      holdsPartition: (error) => error.details.breaker === 'open',
      parking,
      handler: traced,
    });
    const parked = createParkingConsumer({
      ...common,
      sourceGroupId: groupId,
      sourceTopics: [topic],
      parker,
      onPark: metrics.onPark,
      handler: traced,
    });
    return [consumer, parked] as const;
  }

  const groups = groupIds(settings.groupPrefix);
  const [webhooks, webhooksParked] = withParking(
    groups.webhooks,
    settings.topics.webhooks,
    { partitions: settings.concurrency.webhooks, users: settings.usersPerPartition.webhooks },
    async function handleWebhook(message, log) {
      const started = performance.now();
      const outcome = await deps.webhooks.handle(message.value, log);
      metrics.handled(message.topic, outcome, (performance.now() - started) / 1000);
    },
  );

  const [memberGrants, memberGrantsParked] = withParking(
    groups.memberGrants,
    settings.topics.memberGrants,
    { partitions: settings.concurrency.memberGrants, users: settings.usersPerPartition.memberGrants },
    async function handleMemberGrantTerms(message, log) {
      const started = performance.now();
      const fact = decodeMemberGrantTerms(message.value ?? Buffer.alloc(0));
      const { userId } = fact.data;
      const result = await deps.reconciler.applyTerms(
        userId,
        teamTermsOf(fact),
        { cause: 'team-event', causationId: fact.causationid ?? fact.id, teamId: fact.data.teamId },
        { confirm: deps.confirmTerms },
      );
      log.debug(
        { userId, teamId: fact.data.teamId, teamVersion: fact.data.teamVersion, stale: !result },
        result ? 'user reconciled from new team terms' : 'stale or repeated grant terms ignored',
      );
      const outcome = !result ? 'stale' : result.failed > 0 ? 'failed-grants' : 'reconciled';
      metrics.handled(message.topic, outcome, (performance.now() - started) / 1000);
    },
  );

  // Every instance reads every change (its own group, from now on): it invalidates its CheckAccess cache
  // and feeds its WatchEntitlementChanges streams, whichever instance made the change. No parking: its
  // handler cannot fail (a bad record is skipped), and a new instance starts from now anyway.
  const changes = createResilientConsumer({
    ...common,
    groupId: groups.changes(randomUUID()),
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

  const consumers = { webhooks, webhooksParked, memberGrants, memberGrantsParked, changes };
  for (const [name, consumer] of Object.entries(consumers)) metrics.watch(name, consumer);
  return consumers;
}

import { randomUUID } from 'node:crypto';
import { loadCatalogFile } from '@teamseat/contracts';
import { createGrpcServer, loadEmbeddedDescriptors, loadTeamseatProtos } from '@teamseat/grpc';
import { createReadiness, runShutdownSteps, startAdminServer, type ShutdownStep } from '@teamseat/health';
import {
  createBatchingProducer,
  createKafka,
  ensureTopics,
  kafkaReachable,
  parkedTopic,
  parkingRounds,
} from '@teamseat/kafka';
import type { Logger } from '@teamseat/logger';
import { grpcClientTls, grpcServerTls, kafkaSecurity, topicReplication } from '@teamseat/config';
import { createMetricsRegistry, recordTopicShortfalls, type Registry } from '@teamseat/metrics';
import { createCustomerRepository } from './adapters/database/customer-repository';
import { createLeaseRepository } from './adapters/database/lease-repository';
import { createSweepRunRepository } from './adapters/database/sweep-run-repository';
import { connectMongo, mongoReachable } from './adapters/database/mongo';
import { createProcessedEventRepository } from './adapters/database/processed-event-repository';
import { createRetryQueueRepository } from './adapters/database/retry-queue-repository';
import { createChangePublisher, originOf } from './adapters/kafka/change-publisher';
import { createRevenueCat } from './adapters/revenuecat/create-revenuecat';
import { createTeamDirectory } from './adapters/team-service/team-directory';
import { createTeamServiceMetrics } from './adapters/team-service/team-service-metrics';
import {
  createAccessCache,
  createCustomerSync,
  createUserReconciler,
  createWebhookHandler,
} from './application';
import { createAccessQueries } from './application/access-queries';
import { createChangeHub } from './application/change-hub';
import { createSweep } from './application/sweep';
import { createSweepStatus } from './application/sweep-status';
import { createMemberAccessQuery } from './application/member-access';
import { createTeamAccessReports } from './application/team-access-report';
import { createUserLocks } from './application/user-locks';
import type { EntitlementServiceConfig } from './config';
import { HOUR_MS, DAY_MS } from './domain/expiry';
import type { TeamProduct } from './domain/team-product';
import { createEntitlementGrpcService } from './entry-points/grpc/entitlement-grpc-service';
import { createSweepJob } from './entry-points/jobs/sweep-job';
import { workGroups } from './entry-points/kafka/consumer-groups';
import { registerConsumerLag } from './entry-points/kafka/consumer-lag-metrics';
import { createConsumerMetrics } from './entry-points/kafka/consumer-metrics';
import { createConsumers } from './entry-points/kafka/create-consumers';
import { consumerSettings, revenueCatSettings, sweepSettings } from './settings';

export const SERVICE_NAME = 'teamseat.entitlement.v1.EntitlementService';

export interface RunningEntitlementService {
  readonly port: number;
  readonly adminPort: number;
  readonly registry: Registry;
  /** The graceful shutdown, in order (STYLE §7). */
  readonly shutdownSteps: ShutdownStep[];
  /** Runs the shutdown steps (tests; the process uses onShutdownSignal). */
  stop(): Promise<void>;
  /** For tests and the benchmark: the parts worth poking. */
  readonly internals: {
    sweep: ReturnType<typeof createSweep>;
    breakerState: () => string;
    pausedPartitions: () => number;
  };
}

/**
 * Wires entitlement-service from its configuration (the composition root's work, minus process.env and
 * signals): dependencies first, then intake (consumers), then the gRPC port reports SERVING.
 */
export async function startEntitlementService({
  config,
  logger,
  now = Date.now,
}: {
  config: EntitlementServiceConfig;
  logger: Logger;
  /** The wall clock, in ms, every module reads (tests pass their own). RevenueCat's clock derives from it. */
  now?: () => number;
}): Promise<RunningEntitlementService> {
  const instanceId = randomUUID();
  const registry = createMetricsRegistry('entitlement-service');
  const readiness = createReadiness();
  const catalog = loadCatalogFile(config.CATALOG_FILE);
  const products: TeamProduct[] = catalog.products;
  // Loaded once: the gRPC server (with reflection) and the team-service client share them.
  const packageDefinition = loadEmbeddedDescriptors();
  const protos = loadTeamseatProtos(packageDefinition);

  const connection = await connectMongo(config.MONGODB_URI);
  const customers = createCustomerRepository(connection, { now });
  const retries = createRetryQueueRepository(connection);
  const processed = createProcessedEventRepository(connection, { now });
  const leases = createLeaseRepository(connection, { now });
  await Promise.all([customers.ensureIndexes(), processed.ensureIndexes()]);
  readiness.add('mongodb', () => mongoReachable(connection));

  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID,
    security: kafkaSecurity(config),
    logger,
  });
  const topics = { replication: topicReplication(config), logger };
  const shortfalls = [
    ...(await ensureTopics(kafka, [config.WEBHOOK_TOPIC, config.ENTITLEMENT_CHANGES_TOPIC], {
      partitions: config.TOPIC_PARTITIONS,
      ...topics,
    })),
    ...(await ensureTopics(kafka, [config.MEMBER_GRANTS_TOPIC], {
      partitions: config.MEMBER_GRANTS_PARTITIONS,
      ...topics,
    })),
  ];
  // Dead-letter topics exist from the start, so operators (and tests) can watch them before the first failure.
  const consumed = [config.WEBHOOK_TOPIC, config.MEMBER_GRANTS_TOPIC];
  shortfalls.push(
    ...(await ensureTopics(
      kafka,
      consumed.map((topic) => `${topic}.dlq`),
      { partitions: 1, ...topics },
    )),
  );
  // One partition per parking round, so each partition's head is the next one due there (ADR 0019).
  shortfalls.push(
    ...(await ensureTopics(kafka, consumed.map(parkedTopic), {
      partitions: parkingRounds(consumerSettings(config).parking.delays).length,
      ...topics,
    })),
  );
  recordTopicShortfalls(registry, shortfalls);
  const producer = createBatchingProducer({ kafka, logger });
  await producer.connect();
  readiness.add('kafka', () => kafkaReachable(kafka));

  const revenuecat = createRevenueCat({
    settings: revenueCatSettings(config),
    logger,
    registry,
    now,
  });
  const rc = revenuecat.client;
  const teams = createTeamDirectory({
    address: config.TEAM_SERVICE_ADDR,
    token: config.TEAM_SERVICE_TOKEN,
    tls: grpcClientTls('TEAM_SERVICE', config),
    deadlineMs: config.TEAM_SERVICE_DEADLINE_MS,
    now,
    protos,
    logger,
    metrics: createTeamServiceMetrics(registry),
  });

  const locks = createUserLocks();
  const cache = createAccessCache({ ttlMs: config.CACHE_TTL_MS, maxEntries: config.CACHE_MAX_ENTRIES, now });
  const hub = createChangeHub();
  const publisher = createChangePublisher({ producer, topic: config.ENTITLEMENT_CHANGES_TOPIC, instanceId });
  const sync = createCustomerSync({
    revenuecat: rc,
    customers,
    publisher,
    teams,
    products,
    seatPacks: catalog.seatPacks,
    cache,
    locks,
    teamCheckDelayMs: config.SWEEP_TEAM_CHECK_DELAY_MS,
    freshForMs: config.SYNC_FRESH_FOR_MS,
    logger,
    now,
  });
  const reconciler = createUserReconciler({
    revenuecat: rc,
    customers,
    retries,
    publisher,
    products,
    cache,
    locks,
    defaultBufferMs: DAY_MS,
    bufferOverrideMs:
      config.GRANT_BUFFER_HOURS === undefined ? undefined : config.GRANT_BUFFER_HOURS * HOUR_MS,
    logger,
    now,
  });
  const webhooks = createWebhookHandler({
    sync,
    revenuecat: rc,
    customers,
    processed,
    teams,
    products,
    logger,
  });
  const consumerMetrics = createConsumerMetrics(registry);
  const consumers = createConsumers({
    kafka,
    dlqProducer: producer,
    settings: consumerSettings(config),
    webhooks,
    reconciler,
    confirmTerms: (userId, terms) => teams.memberGrant(terms.teamId, userId, terms.teamVersion),
    onChange: (change) => {
      // Our own writes are already in the cache (write-through); another instance's are not.
      if (originOf(change) !== instanceId) cache.invalidate(change.data.userId);
      hub.emit(change);
    },
    metrics: consumerMetrics,
    logger,
  });
  const consumerLag = registerConsumerLag({
    kafka,
    registry,
    groups: workGroups(consumerSettings(config)),
    logger,
  });
  const sweep = createSweep({
    customers,
    retries,
    processed,
    leases,
    sync,
    reconciler,
    revenueCatNow: () => rc.clock.now(),
    queuedCalls: () => revenuecat.limiter.queued(),
    instanceId,
    settings: sweepSettings(config),
    logger,
    now,
  });
  const sweepStatus = createSweepStatus({
    runs: createSweepRunRepository(connection),
    leases,
    instanceId,
    intervalMs: config.SWEEP_INTERVAL_MS,
    nextRunAtMs: () => sweepJob.nextRunAtMs(),
    logger,
  });
  const sweepJob = createSweepJob({
    sweep,
    intervalMs: config.SWEEP_INTERVAL_MS,
    logger,
    onRun: sweepStatus.recorded,
    now,
  });

  const grpc = createGrpcServer({
    logger,
    registry,
    authTokens: config.INTERNAL_AUTH_TOKENS,
    packageDefinition,
    tls: grpcServerTls(config),
    services: [
      {
        name: SERVICE_NAME,
        definition: protos.teamseat.entitlement.v1.EntitlementService.service,
        implementation: createEntitlementGrpcService({
          access: createAccessQueries({
            customers,
            cache,
            now: () => rc.clock.now(),
            wallClock: now,
            refreshAfterMs: config.CACHE_TTL_MS / 2,
            registry,
          }),
          sync,
          reconciler,
          reports: createTeamAccessReports({ teams, customers, sync, reconciler, now }),
          members: createMemberAccessQuery({ teams, customers, now: () => rc.clock.now() }),
          sweepStatus,
          hub,
          now: () => rc.clock.now(),
          logger,
        }),
      },
    ],
  });
  const port = await grpc.start(`${config.HOST}:${config.PORT}`);
  const admin = await startAdminServer({ port: config.ADMIN_PORT, host: config.HOST, readiness, registry });

  // The changes listener first, so this instance sees its own changes; then the intake.
  await consumers.changes.start();
  await Promise.all([
    consumers.webhooks.start(),
    consumers.memberGrants.start(),
    consumers.webhooksParked.start(),
    consumers.memberGrantsParked.start(),
  ]);
  sweepJob.start();
  grpc.setServing(true);
  logger.info(
    { port, adminPort: admin.port, instanceId, teamProducts: products.length },
    'entitlement-service ready',
  );

  const shutdownSteps: ShutdownStep[] = [
    {
      name: 'not ready, NOT_SERVING',
      run: () => {
        readiness.markShuttingDown();
        grpc.setServing(false);
      },
    },
    { name: 'end watch streams', run: () => hub.closeAll() },
    { name: 'stop the gRPC server', run: () => grpc.stop(5_000) },
    { name: 'stop the sweep', run: () => sweepJob.stop() },
    {
      name: 'stop the consumers and the RevenueCat client (calls still waiting for the rate are abandoned)',
      run: async () => {
        const stopped = Promise.all([
          consumers.webhooks.stop(),
          consumers.memberGrants.stop(),
          consumers.webhooksParked.stop(),
          consumers.memberGrantsParked.stop(),
        ]);
        // Up to partitions x users-per-partition messages are in flight, most waiting for the rate: they fail,
        // stay uncommitted and are redone by the partition's next owner, while what finished is committed now
        // rather than lost to the hard timeout (ADR 0027).
        await revenuecat.stop();
        await stopped;
        await consumers.changes.stop();
      },
    },
    { name: 'flush the producer', run: () => producer.disconnect() },
    { name: 'stop reading consumer lag', run: () => consumerLag.stop() },
    { name: 'close the team-service client', run: () => teams.close() },
    { name: 'close the database', run: () => connection.close() },
    { name: 'close the admin port', run: () => admin.close() },
  ];

  let stopping: Promise<void> | undefined;
  return {
    port,
    adminPort: admin.port,
    registry,
    shutdownSteps,
    stop() {
      stopping ??= runShutdownSteps({
        logger,
        steps: shutdownSteps,
        timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      }).then(() => undefined);
      return stopping;
    },
    internals: {
      sweep,
      breakerState: () => rc.breakerState(),
      pausedPartitions: () =>
        Object.values(consumers).reduce(
          (sum, consumer) =>
            sum + consumer.pausedPartitions().reduce((n, entry) => n + entry.partitions.length, 0),
          0,
        ),
    },
  };
}

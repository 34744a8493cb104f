import { randomBytes, randomUUID } from 'node:crypto';
import { loadCatalogFile } from '@teamseat/contracts';
import { createReadiness, runShutdownSteps, startAdminServer, type ShutdownStep } from '@teamseat/health';
import { createGrpcServer, loadEmbeddedDescriptors, loadTeamseatProtos } from '@teamseat/grpc';
import { createBatchingProducer, createKafka } from '@teamseat/kafka';
import type { Logger } from '@teamseat/logger';
import { grpcServerTls, kafkaSecurity, topicReplication } from '@teamseat/config';
import { Counter, createMetricsRegistry, recordTopicShortfalls, type Registry } from '@teamseat/metrics';
import type { TeamServiceConfig } from './config';
import { ensureIndexes } from './adapters/database/indexes';
import { createMongoConnections } from './adapters/database/mongo-connections';
import { createSlotLeases } from './adapters/database/outbox-leases';
import { createOutboxStore } from './adapters/database/outbox-store';
import { createTeamKeyRegistry } from './adapters/database/team-key-registry';
import { createTeamRepository } from './adapters/database/team-repository';
import { createTeamViews } from './adapters/database/team-views';
import { createCommandRunner } from './application/command-runner';
import { createSubscriptionCommands } from './application/subscription-commands';
import { createTeamCommands } from './application/team-commands';
import { createTeamReads } from './application/team-reads';
import { createTeamGrpcService, TEAM_SERVICE_NAME } from './entry-points/grpc/team-grpc-service';
import { createDeadlineSweeper } from './entry-points/jobs/deadline-sweeper';
import { createOutboxRelay, type OutboxRelay, type RelayHooks } from './adapters/kafka/outbox-relay';
import { startKafkaOutput } from './adapters/kafka/kafka-output';
import { createRelayMetrics } from './adapters/kafka/relay-metrics';

export interface RunningTeamService {
  readonly port: number;
  readonly adminPort: number;
  readonly registry: Registry;
  /** The graceful shutdown, in order (STYLE §7). */
  readonly shutdownSteps: ShutdownStep[];
  /** Runs the shutdown steps (tests; the process uses onShutdownSignal). */
  stop(): Promise<void>;
  readonly internals: { relay: OutboxRelay; sweepDeadlines: () => Promise<number> };
}

export interface TeamServiceOptions {
  config: TeamServiceConfig;
  logger: Logger;
  /** The clock of every decision (tests move it to expire invites and deadlines). */
  now?: () => Date;
  relayHooks?: RelayHooks;
  /** How often health is re-evaluated while running. */
  healthIntervalMs?: number;
}

/**
 * Wires team-service from its configuration (the composition root's work, minus process.env and
 * signals): MongoDB first, then the sweeper and the gRPC port, which reports SERVING while MongoDB
 * answers; Kafka is set up beside it, and the relay starts once Kafka answers.
 */
export async function startTeamService({
  config,
  logger,
  now = () => new Date(),
  relayHooks,
  healthIntervalMs = 5_000,
}: TeamServiceOptions): Promise<RunningTeamService> {
  const registry = createMetricsRegistry('team-service');
  const readiness = createReadiness();
  const catalog = config.CATALOG_FILE ? loadCatalogFile(config.CATALOG_FILE) : null;

  const mongo = await createMongoConnections({
    uri: config.MONGODB_URI,
    defaultDatabase: config.MONGODB_DATABASE,
    poolSize: config.MONGODB_POOL_SIZE,
    logger,
  });
  await ensureIndexes(mongo.writes, logger);
  readiness.add('mongodb', () => mongo.ping());

  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID,
    security: kafkaSecurity(config),
    logger,
  });
  // The relay is this producer's only user: with room for every team's round in one request, one team's
  // events never straddle two produce requests (one could fail and the next succeed, reordering them).
  const maxEventsPerRound = 100;
  const producer = createBatchingProducer({
    kafka,
    logger,
    maxBatchMessages: config.OUTBOX_CONCURRENCY * maxEventsPerRound,
  });
  // Readiness follows the database only: without Kafka, reads and writes go on and the log keeps the
  // events until the relay can publish them (ADR 0024).
  let shuttingDown = false;
  const kafkaOutput = startKafkaOutput({
    kafka,
    producer,
    topics: [
      { name: config.TEAM_EVENTS_TOPIC, partitions: config.TOPIC_PARTITIONS },
      { name: config.MEMBER_GRANTS_TOPIC, partitions: config.MEMBER_GRANTS_PARTITIONS },
    ],
    replication: topicReplication(config),
    onShortfalls: (shortfalls) => recordTopicShortfalls(registry, shortfalls),
    logger,
  });

  const newId = () => randomUUID();
  const teams = createTeamRepository({ reads: mongo.reads, writes: mongo.writes, now, newId, logger });
  const keys = createTeamKeyRegistry(mongo);
  const views = createTeamViews(mongo);
  const outbox = createOutboxStore(mongo);
  const relay = createOutboxRelay({
    store: outbox,
    leases: createSlotLeases({
      models: mongo.writes,
      owner: `${config.KAFKA_CLIENT_ID}-${randomUUID()}`,
      slots: config.OUTBOX_SLOTS,
      leaseMs: config.OUTBOX_LEASE_MS,
      logger,
    }),
    slots: config.OUTBOX_SLOTS,
    leaseRefreshMs: Math.floor(config.OUTBOX_LEASE_MS / 3),
    loadTeam: (teamId) => teams.latest(teamId),
    views,
    producer,
    topic: config.TEAM_EVENTS_TOPIC,
    grantsTopic: config.MEMBER_GRANTS_TOPIC,
    logger,
    metrics: createRelayMetrics(registry),
    concurrency: config.OUTBOX_CONCURRENCY,
    maxEventsPerRound,
    pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
    hooks: relayHooks,
  });
  const log = logger.child({ module: 'team-service' });
  const conflicts = new Counter({
    name: 'team_command_conflicts_total',
    help: 'Writes that lost their version to another writer and were decided again (ADR 0024)',
    registers: [registry],
  });
  const runner = createCommandRunner({
    teams,
    views,
    now,
    newId,
    newSecret: () => randomBytes(32).toString('base64url'),
    onChanged: config.OUTBOX_RELAY_ENABLED ? (teamId) => relay.wake(teamId) : undefined,
    onViewError: (error, teamId) => log.warn({ err: error, teamId }, 'view refresh deferred to the relay'),
    onConflict: (teamId, attempt) => {
      conflicts.inc();
      log.debug({ teamId, attempt }, 'another write took the version; deciding again');
    },
  });
  const commands = createTeamCommands({ runner });
  const subscriptions = createSubscriptionCommands({ runner, teams, keys });
  const reads = createTeamReads({ teams, keys, views });
  const sweeper = createDeadlineSweeper({
    commands,
    teamsDueBefore: outbox.teamsDueBefore,
    now,
    logger,
    intervalMs: config.DEADLINE_SWEEP_INTERVAL_MS,
  });

  const packageDefinition = loadEmbeddedDescriptors();
  const proto = loadTeamseatProtos(packageDefinition);
  const grpc = createGrpcServer({
    logger,
    registry,
    authTokens: [...config.INTERNAL_AUTH_TOKENS, ...config.APP_AUTH_TOKENS],
    packageDefinition,
    tls: grpcServerTls(config),
    services: [
      {
        name: TEAM_SERVICE_NAME,
        definition: proto.teamseat.team.v1.TeamService.service,
        implementation: createTeamGrpcService({
          commands,
          subscriptions,
          reads,
          internalTokens: config.INTERNAL_AUTH_TOKENS,
          catalog,
          defaultInviteTtlHours: config.INVITE_TTL_DAYS * 24,
          now,
        }),
      },
    ],
  });
  const port = await grpc.start(`${config.HOST}:${config.PORT}`);
  const admin = await startAdminServer({ port: config.ADMIN_PORT, host: config.HOST, readiness, registry });

  const relayStarted = kafkaOutput.ready.then(async () => {
    if (!config.OUTBOX_RELAY_ENABLED || shuttingDown) return false;
    await relay.start();
    return true;
  });
  // With Kafka up, the relay holds its slots before the service says it started; without, it starts later.
  await Promise.race([relayStarted, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  if (config.DEADLINE_SWEEP_INTERVAL_MS > 0) sweeper.start();

  // grpc.health.v1 follows readiness: SERVING only while MongoDB answers, never once stopping.
  const refreshHealth = async () => grpc.setServing((await readiness.evaluate()).ready);
  await refreshHealth();
  const healthTimer = setInterval(() => void refreshHealth(), healthIntervalMs);
  healthTimer.unref();

  const shutdownSteps: ShutdownStep[] = [
    {
      name: 'not serving',
      run: () => {
        shuttingDown = true;
        readiness.markShuttingDown();
        clearInterval(healthTimer);
        grpc.setServing(false);
      },
    },
    { name: 'stop gRPC', run: () => grpc.stop(config.GRPC_SHUTDOWN_GRACE_MS) },
    { name: 'stop deadline sweeper', run: () => sweeper.stop() },
    {
      name: 'flush outbox and stop relay',
      run: async () => {
        kafkaOutput.cancel();
        if (await relayStarted) await relay.stop(Math.floor(config.SHUTDOWN_TIMEOUT_MS / 2));
      },
    },
    { name: 'disconnect producer', run: () => producer.disconnect() },
    { name: 'close admin server', run: () => admin.close() },
    { name: 'close MongoDB', run: () => mongo.close() },
  ];

  let stopping: Promise<void> | undefined;
  log.info({ port, adminPort: admin.port }, 'team-service started');
  return {
    port,
    adminPort: admin.port,
    registry,
    shutdownSteps,
    stop() {
      stopping ??= runShutdownSteps({
        logger: log,
        steps: shutdownSteps,
        timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      }).then(() => undefined);
      return stopping;
    },
    internals: { relay, sweepDeadlines: () => sweeper.sweep() },
  };
}

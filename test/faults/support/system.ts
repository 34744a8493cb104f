import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  getInfrastructure,
  randomName,
  startThrowawayFerretDb,
  waitFor,
  type ThrowawayFerretDb,
} from '@teamseat/testing';
import { emulatorControl, type EmulatorControl } from './emulator-control';
import { APP_TOKEN, grpcClients, TOKEN, type Clients } from './grpc-clients';
import { managedProcess, REPO_ROOT, type ManagedProcess } from './processes';
import { deleteOwnTopics } from './topics';

export const RC_KEY = 'sk_test_faults';
const WEBHOOK_AUTHORIZATION = 'Bearer faults-webhook-secret';

/** A small team line, a 1,000-seat one for the mass expiry, and a personal subscription. */
export const CATALOG = {
  products: [
    {
      productId: 'team_small_monthly',
      managementEntitlement: 'team_admin',
      memberEntitlements: ['pro'],
      seats: 5,
      grantMode: 'period',
      shrinkPolicy: 'block',
      periodDays: 30,
    },
    {
      productId: 'team_huge_monthly',
      managementEntitlement: 'team_admin',
      memberEntitlements: ['pro'],
      seats: 1000,
      grantMode: 'period',
      shrinkPolicy: 'block',
      periodDays: 30,
    },
  ],
  storeProducts: [{ productId: 'pro_monthly', entitlements: ['pro'], type: 'subscription', periodDays: 30 }],
};

export interface System {
  db: ThrowawayFerretDb;
  brokers: string[];
  emulator: EmulatorControl;
  emulatorProcess: ManagedProcess;
  gateway: ManagedProcess;
  /** The first team-service replica; `clients.teams` talks to it. */
  teamService: ManagedProcess;
  /** Every team-service replica (one unless asked for more), all on one database. */
  teamServices: ManagedProcess[];
  /** team-service's database on the suite's FerretDB, for checking what is stored. */
  teamDatabaseUri: string;
  entitlementService: ManagedProcess;
  clients: Clients;
  /** The topics entitlement-service consumes: their `.dlq` topics hold the dead letters. */
  consumedTopics: string[];
  /** Everything every process wrote, for a failure message. */
  output(): string;
  /** Adds the end of every process's output to a failure: why it did not hold, from the logs. */
  explain<T>(promise: Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The whole system as processes, on the suite's own FerretDB (which a scenario may kill) and the shared
 * broker (random topics and groups), with short but realistic settings. `env` overrides entitlement-service's.
 * With several team-service replicas, entitlement-service gets all their addresses (grpc-js pick_first: it
 * talks to the first and moves to the next when that one goes away, as a client of a k8s Service does).
 */
export async function startSystem({
  entitlementEnv = {},
  partitions = 6,
  teamServiceReplicas = 1,
}: {
  entitlementEnv?: Record<string, string>;
  partitions?: number;
  teamServiceReplicas?: number;
} = {}): Promise<System> {
  // Kafka as every test tier finds it (env, Docker, local stack); the database is the suite's own.
  const brokers = (await getInfrastructure()).kafkaBrokers;
  const db = await startThrowawayFerretDb();
  const catalogFile = path.join(mkdtempSync(path.join(tmpdir(), 'faults-')), 'catalog.json');
  writeFileSync(catalogFile, JSON.stringify(CATALOG));
  const run = randomBytes(6).toString('hex');
  // Dotted names on purpose: the test tiers' leftover sweep (packages/testing/src/leftovers.ts) deletes
  // every made-up name that appeared during its run on the shared broker, and a scenario runs for minutes
  // beside other runs. The suite deletes its own topics at the end (topics.ts).
  const topics = {
    webhooks: `faults.webhooks.${run}`,
    teamEvents: `faults.team-events.${run}`,
    memberGrants: `faults.member-grants.${run}`,
    changes: `faults.changes.${run}`,
  };
  const database = (prefix: string) => `${db.uri}${randomName(prefix).replaceAll('-', '_')}`;
  const kafka = { KAFKA_BROKERS: brokers.join(',') };

  const teamDatabaseUri = database('faults_teams');
  const teamServiceReplica = (index: number) =>
    managedProcess({
      name: index === 0 ? 'team-service' : `team-service-${index + 1}`,
      dir: 'services/team-service',
      readyLogText: 'team-service started',
      env: {
        ...kafka,
        MONGODB_URI: teamDatabaseUri,
        TEAM_EVENTS_TOPIC: topics.teamEvents,
        MEMBER_GRANTS_TOPIC: topics.memberGrants,
        MEMBER_GRANTS_PARTITIONS: String(partitions),
        TOPIC_PARTITIONS: String(partitions),
        INTERNAL_AUTH_TOKENS: TOKEN,
        APP_AUTH_TOKENS: APP_TOKEN,
        CATALOG_FILE: catalogFile,
        OUTBOX_POLL_INTERVAL_MS: '500',
        DEADLINE_SWEEP_INTERVAL_MS: '0',
        GRPC_SHUTDOWN_GRACE_MS: '500',
      },
    });
  const teamServices: ManagedProcess[] = [];
  for (let i = 0; i < teamServiceReplicas; i += 1) teamServices.push(await teamServiceReplica(i));
  const teamService = teamServices[0]!;
  const teamServiceAddress =
    teamServices.length === 1 ? teamService.address : `ipv4:${teamServices.map((t) => t.address).join(',')}`;
  const gateway = await managedProcess({
    name: 'webhook-gateway',
    dir: 'services/webhook-gateway',
    readyLogText: 'webhook gateway listening',
    env: {
      ...kafka,
      KAFKA_CLIENT_ID: `faults.gateway.${run}`,
      WEBHOOK_TOPIC: topics.webhooks,
      WEBHOOK_TOPIC_PARTITIONS: String(partitions),
      WEBHOOK_AUTHORIZATION,
    },
  });
  const emulatorProcess = await managedProcess({
    name: 'revenuecat-emulator',
    dir: 'tools/revenuecat-emulator',
    readyLogText: 'RevenueCat emulator on',
    portEnv: { port: 'EMULATOR_PORT' },
    env: {
      EMULATOR_HOST: '127.0.0.1',
      EMULATOR_API_KEYS: RC_KEY,
      CATALOG_FILE: catalogFile,
      WEBHOOK_URLS: `http://127.0.0.1:${gateway.port}/webhooks/revenuecat`,
      WEBHOOK_AUTHORIZATION,
      // RevenueCat's 5/10/20/40/80-minute retries become 0.3 … 4.8 s.
      WEBHOOK_RETRY_SCALE: '0.001',
      WEBHOOK_TIMEOUT_MS: '5000',
    },
  });
  const entitlementService = await managedProcess({
    name: 'entitlement-service',
    dir: 'services/entitlement-service',
    readyLogText: 'entitlement-service ready',
    env: {
      ...kafka,
      MONGODB_URI: database('faults_ents'),
      CONSUMER_GROUP_ID: `faults.ents.${run}`,
      WEBHOOK_TOPIC: topics.webhooks,
      MEMBER_GRANTS_TOPIC: topics.memberGrants,
      ENTITLEMENT_CHANGES_TOPIC: topics.changes,
      TOPIC_PARTITIONS: String(partitions),
      MEMBER_GRANTS_PARTITIONS: String(partitions),
      REVENUECAT_API_URL: `http://127.0.0.1:${emulatorProcess.port}`,
      REVENUECAT_API_KEY: RC_KEY,
      REVENUECAT_RATE_PER_SECOND: '20',
      REVENUECAT_TIMEOUT_MS: '3000',
      REVENUECAT_RETRY_BASE_MS: '100',
      BREAKER_RESET_MS: '2000',
      CONSUMER_BACKOFF_INITIAL_MS: '200',
      CONSUMER_BACKOFF_MAX_MS: '5000',
      TEAM_SERVICE_ADDR: teamServiceAddress,
      TEAM_SERVICE_TOKEN: TOKEN,
      TEAM_SERVICE_DEADLINE_MS: '2000',
      INTERNAL_AUTH_TOKENS: TOKEN,
      CATALOG_FILE: catalogFile,
      SWEEP_INTERVAL_MS: '0',
      // Apps' SyncCustomer at login heals dropped webhooks; here logins come seconds after the last stored
      // snapshot instead of minutes, so the fresh-snapshot shortcut (10 s by default, ADR 0022) is off.
      SYNC_FRESH_FOR_MS: '0',
      // The poison bound (issue 16, point 3) stays at its 15-minute default: an outage shorter than that parks
      // nothing. The poison scenario shortens it to 20 s so it takes seconds.
      ...entitlementEnv,
    },
  });
  const all = [...teamServices, gateway, emulatorProcess, entitlementService];
  const output = () => all.map((p) => p.output()).join('\n');
  const clients = grpcClients(entitlementService.address, teamService.address);
  try {
    for (const service of all) await service.start();
    await waitFor(async () => (await fetch(`http://127.0.0.1:${gateway.adminPort}/readyz`)).ok, {
      timeoutMs: 30_000,
      description: 'the gateway to take webhooks',
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${output()}`, { cause: error });
  }
  return {
    db,
    brokers,
    emulator: emulatorControl(`http://127.0.0.1:${emulatorProcess.port}`),
    emulatorProcess,
    gateway,
    teamService,
    teamServices,
    teamDatabaseUri,
    entitlementService,
    clients,
    consumedTopics: [topics.webhooks, topics.memberGrants],
    output,
    explain: (promise) =>
      promise.catch((error: Error) => {
        const tails = all.map((p) => `--- ${p.name}\n${p.output().split('\n').slice(-40).join('\n')}`);
        throw new Error(`${error.message}\n${tails.join('\n')}`, { cause: error });
      }),
    async stop() {
      clients.close();
      for (const service of [...all].reverse()) await service.kill();
      // Every process's full log, for reading why a scenario did not hold.
      const logs = path.join(REPO_ROOT, '.local/tmp/faults/logs', topics.webhooks);
      mkdirSync(logs, { recursive: true });
      for (const service of all) writeFileSync(path.join(logs, `${service.name}.log`), service.output());
      console.log(`      logs: ${path.relative(REPO_ROOT, logs)}`);
      await db.destroy();
      await deleteOwnTopics(brokers, Object.values(topics)).catch((error: Error) =>
        console.warn(`could not delete the suite's topics: ${error.message}`),
      );
    },
  };
}

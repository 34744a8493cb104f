import type { ServiceError } from '@grpc/grpc-js';
import { createClient, loadTeamseatProtos, type TeamServiceClient } from '@teamseat/grpc';
import type { Infrastructure } from '@teamseat/testing';
import { randomDatabaseUri, randomName } from '@teamseat/testing';
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { freePort, startService, waitReady, type ServiceProcess } from './processes';
import { fromRoot } from './repo';

const TOKEN = 'replicas-internal-token';
const AUTHORIZATION = 'Bearer replicas-webhook-secret';
const REVENUECAT_KEY = 'sk_replicas_test';
export const PARTITIONS = 6;

/**
 * The production shape on one machine: the emulator, one team-service (several are tested in test/faults), two
 * gateways and two entitlement-service replicas, on their own topics, consumer groups and databases.
 * Every webhook the emulator sends goes to both gateways, so every event arrives twice.
 */
export async function startReplicaSystem(infra: Infrastructure) {
  const prefix = randomName('replicas');
  const topics = {
    WEBHOOK_TOPIC: `${prefix}.webhooks`,
    TEAM_EVENTS_TOPIC: `${prefix}.team-events`,
    MEMBER_GRANTS_TOPIC: `${prefix}.member-grants`,
    ENTITLEMENT_CHANGES_TOPIC: `${prefix}.changes`,
  };
  const catalog = fromRoot('config/catalog.sample.yaml');
  const common = {
    NODE_ENV: 'production',
    // One broker on this machine: production's 3 replicas cannot be created here (docs/adr/0023).
    TOPIC_REPLICATION_FACTOR: '1',
    TOPIC_MIN_INSYNC_REPLICAS: '1',
    LOG_LEVEL: 'info',
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
  };
  const ports = { emulator: await freePort(), team: await freePort(), teamAdmin: await freePort() };
  const gatewayPorts = [
    [await freePort(), await freePort()],
    [await freePort(), await freePort()],
  ] as const;

  const emulator = startService('revenuecat-emulator', 'tools/revenuecat-emulator', {
    LOG_LEVEL: 'warn',
    EMULATOR_HOST: '127.0.0.1',
    EMULATOR_PORT: String(ports.emulator),
    EMULATOR_API_KEYS: REVENUECAT_KEY,
    CATALOG_FILE: catalog,
    WEBHOOK_URLS: gatewayPorts.map(([port]) => `http://127.0.0.1:${port}/webhooks/revenuecat`).join(','),
    WEBHOOK_AUTHORIZATION: AUTHORIZATION,
    WEBHOOK_RETRY_SCALE: '0.001',
  });
  const emulatorUrl = `http://127.0.0.1:${ports.emulator}`;
  await waitReady(emulator, `${emulatorUrl}/_emulator/health`);

  const team = startService('team-service', 'services/team-service', {
    ...common,
    HOST: '127.0.0.1',
    PORT: String(ports.team),
    ADMIN_PORT: String(ports.teamAdmin),
    MONGODB_URI: randomDatabaseUri(infra.mongoUri, 'replicas_team'),
    TEAM_EVENTS_TOPIC: topics.TEAM_EVENTS_TOPIC,
    MEMBER_GRANTS_TOPIC: topics.MEMBER_GRANTS_TOPIC,
    TOPIC_PARTITIONS: String(PARTITIONS),
    MEMBER_GRANTS_PARTITIONS: String(PARTITIONS),
    INTERNAL_AUTH_TOKENS: TOKEN,
    CATALOG_FILE: catalog,
  });
  const gateways = gatewayPorts.map(([port, admin], i) =>
    startService(`webhook-gateway-${i + 1}`, 'services/webhook-gateway', {
      ...common,
      HOST: '127.0.0.1',
      PORT: String(port),
      ADMIN_PORT: String(admin),
      WEBHOOK_TOPIC: topics.WEBHOOK_TOPIC,
      WEBHOOK_TOPIC_PARTITIONS: String(PARTITIONS),
      WEBHOOK_AUTHORIZATION: AUTHORIZATION,
    }),
  );
  await waitReady(team, `http://127.0.0.1:${ports.teamAdmin}/readyz`);
  await Promise.all(gateways.map((g, i) => waitReady(g, `http://127.0.0.1:${gatewayPorts[i]![1]}/readyz`)));

  const entitlementDb = randomDatabaseUri(infra.mongoUri, 'replicas_entitlement');
  const startEntitlement = async (i: number) => {
    const [port, admin] = [await freePort(), await freePort()];
    const service = startService(`entitlement-service-${i}`, 'services/entitlement-service', {
      ...common,
      ...topics,
      HOST: '127.0.0.1',
      PORT: String(port),
      ADMIN_PORT: String(admin),
      MONGODB_URI: entitlementDb,
      CONSUMER_GROUP_ID: prefix,
      TOPIC_PARTITIONS: String(PARTITIONS),
      MEMBER_GRANTS_PARTITIONS: String(PARTITIONS),
      REVENUECAT_API_URL: emulatorUrl,
      REVENUECAT_API_KEY: REVENUECAT_KEY,
      // Each replica's share of the budget (ADR 0006).
      REVENUECAT_RATE_PER_SECOND: '20',
      TEAM_SERVICE_ADDR: `127.0.0.1:${ports.team}`,
      TEAM_SERVICE_TOKEN: TOKEN,
      INTERNAL_AUTH_TOKENS: TOKEN,
      CATALOG_FILE: catalog,
      SWEEP_INTERVAL_MS: '0',
    });
    await waitReady(service, `http://127.0.0.1:${admin}/readyz`);
    return service;
  };
  // One after the other: both create the topics at start.
  const entitlements: ServiceProcess[] = [await startEntitlement(1), await startEntitlement(2)];

  const kafka = new Kafka({ clientId: prefix, brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const proto = loadTeamseatProtos();
  const teamClient: TeamServiceClient = createClient(proto.teamseat.team.v1.TeamService, {
    address: `127.0.0.1:${ports.team}`,
    token: TOKEN,
  });

  return {
    prefix,
    topics,
    emulator,
    team,
    gateways,
    entitlements,
    teamClient,
    /** Partitions of a topic each member of a consumer group holds, by member client host and id. */
    async assignments(group: string, topic: string): Promise<number[][]> {
      const { groups } = await admin.describeGroups([group]);
      return (groups[0]?.members ?? []).map((member) => {
        const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
        return [...(decoded?.assignment[topic] ?? [])].sort((a, b) => a - b);
      });
    },
    async control<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${emulatorUrl}/_emulator${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async close() {
      teamClient.close();
      await admin.disconnect();
    },
  };
}

export type ReplicaSystem = Awaited<ReturnType<typeof startReplicaSystem>>;

/** A unary call of the TeamService client as a promise. */
export function unary<Req, Res>(
  client: TeamServiceClient,
  method: 'listTeamsOfUser' | 'addMember' | 'getTeam',
  request: Req,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const fn = client[method].bind(client) as unknown as (
      r: Req,
      cb: (error: ServiceError | null, response?: Res) => void,
    ) => void;
    fn(request, (error, response) => (error ? reject(error) : resolve(response!)));
  });
}

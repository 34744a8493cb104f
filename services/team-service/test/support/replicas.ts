import path from 'node:path';
import { Metadata, type ServiceError } from '@grpc/grpc-js';
import { createClient, type TeamServiceClient } from '@teamseat/grpc';
import {
  getInfrastructure,
  healthStatus,
  randomDatabaseUri,
  randomName,
  startServiceProcess,
  waitFor,
  type ServiceProcess,
} from '@teamseat/testing';
import mongoose from 'mongoose';
import { TeamServiceCtor } from './harness';

const SERVICE_DIR = path.resolve(__dirname, '../..');
export const REPLICA_TOKEN = 'replica-token';

export interface Replica {
  process: ServiceProcess;
  call(method: string, request: object, deadlineMs?: number): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): void;
}

/** team-service as `count` processes (node dist/main.js) on one database, as replicas in production. */
export async function startReplicas(
  count: number,
  { env = {}, kafkaBrokers }: { env?: Record<string, string>; kafkaBrokers?: string[] } = {},
) {
  const infra = await getInfrastructure();
  const databaseUri = randomDatabaseUri(infra.mongoUri, 'team-replicas');
  const topics = {
    TEAM_EVENTS_TOPIC: randomName('team-events-replicas'),
    MEMBER_GRANTS_TOPIC: randomName('member-grants-replicas'),
  };
  const start = (index: number) =>
    startServiceProcess({
      cwd: SERVICE_DIR,
      readyLogText: 'team-service started',
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
        HOST: '127.0.0.1',
        PORT: '0',
        ADMIN_PORT: '0',
        MONGODB_URI: databaseUri,
        KAFKA_BROKERS: (kafkaBrokers ?? infra.kafkaBrokers).join(','),
        KAFKA_CLIENT_ID: `team-replica-${index}`,
        INTERNAL_AUTH_TOKENS: REPLICA_TOKEN,
        DEADLINE_SWEEP_INTERVAL_MS: '0',
        ...topics,
        ...env,
      },
    });
  const replicas: Replica[] = [];
  const open = async (index: number): Promise<Replica> => {
    const child = await start(index);
    const address = `127.0.0.1:${child.port}`;
    await child.explain(
      waitFor(async () => (await healthStatus(address).catch(() => 'DOWN')) === 'SERVING', {
        timeoutMs: 30_000,
        description: `replica ${index} SERVING`,
      }),
    );
    const client: TeamServiceClient = createClient(TeamServiceCtor, { address, token: REPLICA_TOKEN });
    return {
      process: child,
      call: (method, request, deadlineMs = 60_000) =>
        new Promise((resolve, reject) => {
          const fn = (client as unknown as Record<string, (...args: unknown[]) => void>)[method]!;
          fn.call(
            client,
            request,
            new Metadata(),
            { deadline: Date.now() + deadlineMs },
            (error: ServiceError | null, response: unknown) => (error ? reject(error) : resolve(response)),
          );
        }),
      close: () => client.close(),
    };
  };
  for (let i = 0; i < count; i++) replicas.push(await open(i));
  return {
    replicas,
    databaseUri,
    topics,
    /** Starts one more replica on the same database and topics. */
    add: async () => {
      const replica = await open(replicas.length);
      replicas.push(replica);
      return replica;
    },
    async stop() {
      for (const replica of replicas) {
        replica.close();
        replica.process.kill();
      }
      await Promise.all(replicas.map((replica) => replica.process.exited));
      const client = await mongoose.mongo.MongoClient.connect(databaseUri);
      await client
        .db()
        .dropDatabase()
        .catch(() => undefined);
      await client.close();
    },
  };
}

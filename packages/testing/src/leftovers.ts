// What a test run leaves on the local stack: the topics and databases tests make up names for. Left there,
// they pile up (about 900 topics and 190 databases after a day) and slow every broker restart, which
// opens each partition again. The global fixture (mocha-global-setup.ts) notes what exists before the run
// and removes, after it, what the run made.
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import type { Endpoints } from './infrastructure';

/** randomName's time and random parts ("-mh3k2x1a-9f8e7d6c", "_" in database names) or a UUID. */
const MADE_UP_NAME =
  /[-_][0-9a-z]{8,9}[-_][0-9a-f]{8}(?![0-9a-f])|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** True for a name a test made up; fixed names (a service's default topics, `npm start`'s data) are not. */
export function isMadeUpName(name: string): boolean {
  return MADE_UP_NAME.test(name);
}

export interface Names {
  topics: string[];
  databases: string[];
}

async function withAdmin<T>(brokers: string[], use: (admin: ReturnType<Kafka['admin']>) => Promise<T>) {
  const admin = new Kafka({
    brokers,
    clientId: 'teamseat-test-leftovers',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

async function withMongo<T>(uri: string, use: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5_000 });
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

export async function listNames({ kafkaBrokers, mongoUri }: Endpoints): Promise<Names> {
  const [topics, databases] = await Promise.all([
    withAdmin(kafkaBrokers, (admin) => admin.listTopics()),
    withMongo(mongoUri, async (client) =>
      (await client.db().admin().listDatabases({ nameOnly: true })).databases.map(({ name }) => name),
    ),
  ]);
  return { topics, databases };
}

/** Deletes the made-up topics and databases that exist now and did not `before`; returns what it removed. */
export async function removeLeftovers(endpoints: Endpoints, before: Names): Promise<Names> {
  const now = await listNames(endpoints);
  const made = (names: string[], existed: string[]) => {
    const old = new Set(existed);
    return names.filter((name) => !old.has(name) && isMadeUpName(name));
  };
  const removed = {
    topics: made(now.topics, before.topics),
    databases: made(now.databases, before.databases),
  };
  await Promise.all([
    removed.topics.length > 0 &&
      withAdmin(endpoints.kafkaBrokers, (admin) =>
        admin.deleteTopics({ topics: removed.topics, timeout: 30_000 }),
      ),
    removed.databases.length > 0 &&
      withMongo(endpoints.mongoUri, async (client) => {
        for (const name of removed.databases) await client.db(name).dropDatabase();
      }),
  ]);
  return removed;
}

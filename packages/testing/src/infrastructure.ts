// Decides where integration tests get Kafka and MongoDB from, in this order (docs DESIGN.md §7):
// 1. KAFKA_BROKERS / MONGODB_URI from the environment (CI, a shared cluster, a developer's choice);
// 2. containers through testcontainers when a Docker engine answers (a laptop);
// 3. the local stack (tools/local-stack), which needs only java, mvn and go.
// Each of the two is decided on its own, so setting only KAFKA_BROKERS still gets a database.
import { startContainers, isDockerAvailable } from './containers';
import { startLocalStack } from './local-stack';

export type InfrastructureSource = 'env' | 'containers' | 'local-stack';

export interface Endpoints {
  kafkaBrokers: string[];
  mongoUri: string;
}

export interface Infrastructure extends Endpoints {
  sources: { kafka: InfrastructureSource; mongo: InfrastructureSource };
}

export interface Needs {
  kafka: boolean;
  mongo: boolean;
}

export interface InfrastructureProviders {
  env: Readonly<Record<string, string | undefined>>;
  isDockerAvailable(): Promise<boolean>;
  /** Starts only what `needs` asks for. */
  startContainers(needs: Needs): Promise<Partial<Endpoints>>;
  startLocalStack(): Promise<Endpoints>;
}

export function parseBrokers(value: string | undefined): string[] | undefined {
  const brokers = (value ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  return brokers.length > 0 ? brokers : undefined;
}

export async function selectInfrastructure(providers: InfrastructureProviders): Promise<Infrastructure> {
  const envBrokers = parseBrokers(providers.env.KAFKA_BROKERS);
  const envMongoUri = providers.env.MONGODB_URI?.trim() || undefined;
  if (envBrokers && envMongoUri) {
    return { kafkaBrokers: envBrokers, mongoUri: envMongoUri, sources: { kafka: 'env', mongo: 'env' } };
  }
  const needs: Needs = { kafka: envBrokers === undefined, mongo: envMongoUri === undefined };
  let started: Partial<Endpoints>;
  let source: InfrastructureSource;
  if (await providers.isDockerAvailable()) {
    started = await providers.startContainers(needs);
    source = 'containers';
  } else {
    started = await providers.startLocalStack();
    source = 'local-stack';
  }
  const kafkaBrokers = envBrokers ?? started.kafkaBrokers;
  const mongoUri = envMongoUri ?? started.mongoUri;
  if (!kafkaBrokers || !mongoUri) {
    throw new Error(
      `the ${source} provider did not return ${kafkaBrokers ? 'a MongoDB URI' : 'Kafka brokers'}`,
    );
  }
  return {
    kafkaBrokers,
    mongoUri,
    sources: { kafka: envBrokers ? 'env' : source, mongo: envMongoUri ? 'env' : source },
  };
}

let cached: Promise<Infrastructure> | undefined;

/**
 * Kafka brokers and a MongoDB URI for integration tests, decided once per process. The first call may
 * take minutes on a cold machine (local stack downloads and builds); later calls return at once.
 */
export function getInfrastructure(): Promise<Infrastructure> {
  cached ??= selectInfrastructure({
    env: process.env,
    isDockerAvailable,
    startContainers,
    startLocalStack: () => startLocalStack(),
  }).catch((error: unknown) => {
    // A failed attempt is not cached, so a later suite (or a retry after `npm run stack:up`) can succeed.
    cached = undefined;
    throw error;
  });
  return cached;
}

// Real Kafka and MongoDB in containers, for machines with a Docker engine. testcontainers is loaded
// lazily so that processes given KAFKA_BROKERS / MONGODB_URI never pay for it.
import { freePort } from './child-processes';
import type { Endpoints, Needs } from './infrastructure';

const KAFKA_IMAGE = 'apache/kafka:3.9.1';
const MONGO_IMAGE = 'mongo:7';
const STARTUP_TIMEOUT_MS = 180_000;

export async function isDockerAvailable(): Promise<boolean> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/**
 * A broker must advertise the address clients reach it on, and the mapped port is only known after
 * start. So we pick a free host port first and bind the container's client listener to it.
 */
async function startKafka(host: string): Promise<string[]> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const hostPort = await freePort();
  await new GenericContainer(KAFKA_IMAGE)
    .withExposedPorts({ container: 9092, host: hostPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://0.0.0.0:9092,BROKER://0.0.0.0:9093,CONTROLLER://0.0.0.0:9094',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${hostPort},BROKER://localhost:9093`,
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'BROKER',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9094',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'true',
      KAFKA_NUM_PARTITIONS: '6',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(STARTUP_TIMEOUT_MS)
    .start();
  return [`${host}:${hostPort}`];
}

async function startMongo(): Promise<string> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(MONGO_IMAGE)
    .withExposedPorts(27017)
    .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
    .withStartupTimeout(STARTUP_TIMEOUT_MS)
    .start();
  return `mongodb://${container.getHost()}:${container.getMappedPort(27017)}`;
}

/** Containers are removed by testcontainers' reaper when this process exits. */
export async function startContainers(needs: Needs): Promise<Partial<Endpoints>> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  const host = (await getContainerRuntimeClient()).info.containerRuntime.host;
  const [kafkaBrokers, mongoUri] = await Promise.all([
    needs.kafka ? startKafka(host) : undefined,
    needs.mongo ? startMongo() : undefined,
  ]);
  return { kafkaBrokers, mongoUri };
}

// Mocha global fixture (loaded with `require` in .mocharc.int.json / .mocharc.e2e.json): decides where
// Kafka and MongoDB come from once, before any test and outside any test timeout, because a cold local
// stack or a container pull can take minutes. After the run it removes the topics and databases the
// tests made (leftovers.ts), unless TEST_KEEP_LEFTOVERS=1 or the infrastructure came from the environment
// (someone else's Kafka and MongoDB: nothing there is ours to delete).
import { getInfrastructure, type Infrastructure } from './infrastructure';
import { listNames, removeLeftovers, type Names } from './leftovers';

let infrastructure: Infrastructure | undefined;
let before: Names | undefined;

export async function mochaGlobalSetup(): Promise<void> {
  const started = Date.now();
  infrastructure = await getInfrastructure();
  // Exported so that processes the tests spawn (services in e2e tests) use the same infrastructure.
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers.join(',');
  process.env.MONGODB_URI = infrastructure.mongoUri;
  const { sources } = infrastructure;
  const ours = sources.kafka !== 'env' && sources.mongo !== 'env';
  if (ours && process.env.TEST_KEEP_LEFTOVERS !== '1') before = await listNames(infrastructure);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `infrastructure (${seconds}s): KAFKA_BROKERS=${process.env.KAFKA_BROKERS} (${sources.kafka}), ` +
      `MONGODB_URI=${infrastructure.mongoUri} (${sources.mongo})`,
  );
}

export async function mochaGlobalTeardown(): Promise<void> {
  if (!infrastructure || !before) return;
  const started = Date.now();
  try {
    const removed = await removeLeftovers(infrastructure, before);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `removed what the tests made (${seconds}s): ${removed.topics.length} topics, ` +
        `${removed.databases.length} databases (TEST_KEEP_LEFTOVERS=1 keeps them)`,
    );
  } catch (error) {
    // Tidying is a courtesy to the local stack: the run's result stands either way.
    console.warn(`could not remove what the tests made: ${(error as Error).message}`);
  }
}

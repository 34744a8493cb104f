// Mocha global fixture (loaded with `require` in .mocharc.int.json / .mocharc.e2e.json): decides where
// Kafka and MongoDB come from once, before any test and outside any test timeout, because a cold local
// stack or a container pull can take minutes.
import { getInfrastructure } from './infrastructure';

export async function mochaGlobalSetup(): Promise<void> {
  const started = Date.now();
  const infra = await getInfrastructure();
  // Exported so that processes the tests spawn (services in e2e tests) use the same infrastructure.
  process.env.KAFKA_BROKERS = infra.kafkaBrokers.join(',');
  process.env.MONGODB_URI = infra.mongoUri;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `infrastructure (${seconds}s): KAFKA_BROKERS=${process.env.KAFKA_BROKERS} (${infra.sources.kafka}), ` +
      `MONGODB_URI=${infra.mongoUri} (${infra.sources.mongo})`,
  );
}

// Mocha global fixture for the integration and end-to-end tiers: chooses the infrastructure once, before any
// test and outside every test timeout (a cold local stack downloads Kafka and builds FerretDB), and exports
// the endpoints so that every test file and every child process it starts sees the same ones.
import { getInfrastructure } from './infrastructure';

export async function mochaGlobalSetup(): Promise<void> {
  const started = Date.now();
  const infrastructure = await getInfrastructure();
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers.join(',');
  process.env.MONGODB_URI = infrastructure.mongoUri;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `infrastructure: Kafka ${process.env.KAFKA_BROKERS} (${infrastructure.sources.kafka}), ` +
      `MongoDB ${infrastructure.mongoUri} (${infrastructure.sources.mongo}), ready in ${seconds}s`,
  );
}

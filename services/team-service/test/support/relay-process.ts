// A stand-alone outbox relay for the crash test, run as a child process:
//   node --require tsx/cjs relay-process.ts
// env: MONGODB_URI, KAFKA_BROKERS, TOPIC, and CRASH_AFTER_ROUNDS (kill -9 itself right after Kafka
// acknowledged that many rounds, before marking them sent). Without it, it relays until SIGTERM.
import { createBatchingProducer, createKafka } from '@teamseat/kafka';
import { createLogger } from '@teamseat/logger';
import { createMongoConnections } from '../../src/adapters/database/mongo-connections';
import { createOutboxStore } from '../../src/adapters/database/outbox-store';
import { createTeamViews } from '../../src/adapters/database/team-views';
import { createOutboxRelay } from '../../src/adapters/kafka/outbox-relay';

async function main(): Promise<void> {
  const logger = createLogger({ service: 'relay-process', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const crashAfter = Number(process.env.CRASH_AFTER_ROUNDS ?? 0);
  const mongo = await createMongoConnections({
    uri: process.env.MONGODB_URI!,
    defaultDatabase: 'unused',
    writePoolSize: 1,
    readPoolSize: 4,
    logger,
  });
  const kafka = createKafka({
    brokers: process.env.KAFKA_BROKERS!.split(','),
    clientId: 'relay-process',
    logger,
  });
  const producer = createBatchingProducer({ kafka, logger });
  await producer.connect();
  let rounds = 0;
  const relay = createOutboxRelay({
    store: createOutboxStore(mongo),
    views: createTeamViews(mongo),
    producer,
    topic: process.env.TOPIC!,
    grantsTopic: process.env.GRANTS_TOPIC!,
    logger,
    concurrency: 4,
    maxEventsPerRound: 3,
    pollIntervalMs: 200,
    hooks: {
      afterPublish: () => {
        rounds += 1;
        if (crashAfter > 0 && rounds >= crashAfter) process.kill(process.pid, 'SIGKILL');
      },
    },
  });
  relay.start();
  process.stdout.write('relay started\n');
  process.once('SIGTERM', () => {
    void relay
      .stop(5_000)
      .then(() => producer.disconnect())
      .then(() => mongo.close())
      .finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

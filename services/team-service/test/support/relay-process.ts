// A stand-alone outbox relay for the relay tests, run as a child process:
//   node --require tsx/cjs relay-process.ts
// env: MONGODB_URI, KAFKA_BROKERS, TOPIC, GRANTS_TOPIC, RELAY_NAME, LEASE_MS, and CRASH_AFTER_ROUNDS (kill -9
// itself right after Kafka acknowledged that many rounds, before recording them). Without it, it relays
// until SIGTERM.
import { randomUUID } from 'node:crypto';
import { createBatchingProducer, createKafka } from '@teamseat/kafka';
import { createLogger } from '@teamseat/logger';
import { createMongoConnections } from '../../src/adapters/database/mongo-connections';
import { createSlotLeases } from '../../src/adapters/database/outbox-leases';
import { createOutboxStore } from '../../src/adapters/database/outbox-store';
import { createTeamRepository } from '../../src/adapters/database/team-repository';
import { createTeamViews } from '../../src/adapters/database/team-views';
import { createOutboxRelay } from '../../src/adapters/kafka/outbox-relay';

const SLOTS = 16;

async function main(): Promise<void> {
  const logger = createLogger({ service: 'relay-process', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const crashAfter = Number(process.env.CRASH_AFTER_ROUNDS ?? 0);
  const leaseMs = Number(process.env.LEASE_MS ?? 2_000);
  const mongo = await createMongoConnections({
    uri: process.env.MONGODB_URI!,
    defaultDatabase: 'unused',
    poolSize: 4,
    logger,
  });
  const kafka = createKafka({
    brokers: process.env.KAFKA_BROKERS!.split(','),
    clientId: 'relay-process',
    logger,
  });
  const producer = createBatchingProducer({ kafka, logger });
  await producer.connect();
  const teams = createTeamRepository({ ...mongo, now: () => new Date(), newId: randomUUID });
  let rounds = 0;
  const relay = createOutboxRelay({
    store: createOutboxStore(mongo),
    leases: createSlotLeases({
      models: mongo.writes,
      owner: `${process.env.RELAY_NAME ?? 'relay'}-${randomUUID()}`,
      slots: SLOTS,
      leaseMs,
      logger,
    }),
    slots: SLOTS,
    leaseRefreshMs: Math.floor(leaseMs / 3),
    loadTeam: (teamId) => teams.load(teamId),
    views: createTeamViews(mongo),
    producer,
    topic: process.env.TOPIC!,
    grantsTopic: process.env.GRANTS_TOPIC!,
    logger,
    concurrency: 4,
    maxEventsPerRound: 3,
    pollIntervalMs: 200,
    hooks: {
      afterPublish: (teamId, ids) => {
        rounds += 1;
        process.stdout.write(`published ${teamId} ${ids.join(',')}\n`);
        if (crashAfter > 0 && rounds >= crashAfter) process.kill(process.pid, 'SIGKILL');
      },
    },
  });
  await relay.start();
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

import { configSchema as teamConfigSchema } from '@teamseat/team-service';
import { getInfrastructure, randomDatabaseUri, randomName } from '@teamseat/testing';
import { CATALOG_FILE } from './service-harness';

/** A team-service of its own (database and topics named after `prefix`), for the client tests. */
export async function teamServiceConfig(prefix: string, token: string, port = 0) {
  const infra = await getInfrastructure();
  return teamConfigSchema.parse({
    HOST: '127.0.0.1',
    PORT: String(port),
    ADMIN_PORT: '0',
    MONGODB_URI: randomDatabaseUri(infra.mongoUri, `${prefix}_teams`),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    TEAM_EVENTS_TOPIC: randomName(`${prefix}-team-events`),
    MEMBER_GRANTS_TOPIC: randomName(`${prefix}-member-grants`),
    MEMBER_GRANTS_PARTITIONS: '1',
    TOPIC_PARTITIONS: '1',
    INTERNAL_AUTH_TOKENS: token,
    CATALOG_FILE,
    DEADLINE_SWEEP_INTERVAL_MS: '0',
    GRPC_SHUTDOWN_GRACE_MS: '500',
  });
}

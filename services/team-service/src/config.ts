import {
  checkGrpcServerTls,
  checkKafkaSecurity,
  checkTopicReplication,
  commonSchema,
  grpcServerTlsSchema,
  kafkaSecuritySchema,
  csv,
  kafkaBrokers,
  loadConfig,
  port,
  topicReplicationSchema,
  z,
} from '@teamseat/config';
import { TOPICS } from '@teamseat/contracts';

const positiveInt = () => z.coerce.number().int().positive();
const nonNegativeInt = () => z.coerce.number().int().min(0);

export const configSchema = z.object({
  ...commonSchema,
  ...topicReplicationSchema,
  HOST: z.string().default('0.0.0.0').describe('interface for the gRPC and the admin port'),
  PORT: port(50051).describe('gRPC port (teamseat.team.v1, grpc.health.v1, reflection)'),
  ADMIN_PORT: port(9081).describe('admin port: /livez, /readyz, /metrics'),
  MONGODB_URI: z
    .string()
    .min(1)
    .default('mongodb://127.0.0.1:27017')
    .describe('MongoDB (or FerretDB) connection string; its database, if it names one, wins'),
  MONGODB_DATABASE: z
    .string()
    .min(1)
    .default('teamseat-team')
    .describe('database used when MONGODB_URI names none'),
  MONGODB_POOL_SIZE: positiveInt()
    .default(32)
    .describe('connections to the database; any size and any number of replicas are safe (ADR 0024)'),
  ...grpcServerTlsSchema,
  KAFKA_BROKERS: kafkaBrokers(),
  ...kafkaSecuritySchema,
  KAFKA_CLIENT_ID: z.string().min(1).default('team-service').describe('Kafka client id'),
  TEAM_EVENTS_TOPIC: z
    .string()
    .min(1)
    .default(TOPICS.teamEvents)
    .describe('team events out (keyed by team id)'),
  MEMBER_GRANTS_TOPIC: z
    .string()
    .min(1)
    .default(TOPICS.memberGrants)
    .describe('grant-terms facts out, one per affected member (keyed by user id, ADR 0016)'),
  TOPIC_PARTITIONS: positiveInt()
    .default(6)
    .describe('partitions of the team events topic when it is created'),
  MEMBER_GRANTS_PARTITIONS: positiveInt()
    .default(12)
    .describe('partitions of the grant-terms topic when it is created (a team fan-out spreads over them)'),
  INTERNAL_AUTH_TOKENS: csv().describe(
    'bearer tokens of internal callers (entitlement-service): every RPC, ApplySubscriptionState included',
  ),
  APP_AUTH_TOKENS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    )
    .describe('bearer tokens of app backends: every RPC but the internal ones, comma-separated'),
  CATALOG_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('optional catalog: ApplySubscriptionState then accepts only its team products'),
  INVITE_TTL_DAYS: positiveInt().max(30).default(7).describe('how long an invite holds its seat by default'),
  OUTBOX_RELAY_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true')
    .describe('publish the outbox from this process (false: another process runs the relay)'),
  OUTBOX_CONCURRENCY: positiveInt().default(16).describe('teams whose events the relay publishes at once'),
  OUTBOX_POLL_INTERVAL_MS: positiveInt()
    .default(1_000)
    .describe(
      "how often the relay scans the pending markers (one small document per unpublished entry) for other replicas' writes",
    ),
  OUTBOX_SLOTS: positiveInt()
    .max(1_024)
    .default(16)
    .describe('slots teams are spread over for publishing, one relay per slot; the same in every replica'),
  OUTBOX_LEASE_MS: positiveInt()
    .min(2_000)
    .default(10_000)
    .describe("a relay's hold on a slot; a killed replica's slots are taken over after this long"),
  DEADLINE_SWEEP_INTERVAL_MS: nonNegativeInt()
    .default(60_000)
    .describe('how often expired invites and admin-choice deadlines are applied; 0 turns it off'),
  GRPC_SHUTDOWN_GRACE_MS: positiveInt()
    .default(5_000)
    .describe('how long in-flight calls may finish at shutdown before they are cancelled'),
});

export type TeamServiceConfig = z.infer<typeof configSchema>;

export function loadTeamServiceConfig(env: NodeJS.ProcessEnv): TeamServiceConfig {
  return loadConfig(
    configSchema
      .superRefine(checkTopicReplication)
      .superRefine(checkKafkaSecurity)
      .superRefine(checkGrpcServerTls),
    env,
  );
}

import {
  checkGrpcClientTls,
  checkGrpcServerTls,
  checkKafkaSecurity,
  checkTopicReplication,
  commonSchema,
  grpcClientTlsSchema,
  grpcServerTlsSchema,
  kafkaSecuritySchema,
  csv,
  kafkaBrokers,
  loadConfig,
  port,
  refuseDevelopmentSecrets,
  topicReplicationSchema,
  z,
} from '@teamseat/config';
import { TOPICS } from '@teamseat/contracts';

const positiveInt = () => z.coerce.number().int().positive();
const nonNegativeInt = () => z.coerce.number().int().min(0);

export const configSchema = z
  .object({
    ...commonSchema,
    ...topicReplicationSchema,
    HOST: z.string().default('0.0.0.0').describe('interface for the gRPC and the admin port'),
    PORT: port(50052).describe('gRPC port (teamseat.entitlement.v1, health, reflection)'),
    ADMIN_PORT: port(9082).describe('admin port: /livez, /readyz, /metrics'),
    MONGODB_URI: z
      .string()
      .min(1)
      .default('mongodb://127.0.0.1:27017/teamseat-entitlement')
      .describe('database of customer snapshots, the grant ledger and processed events'),
    ...grpcServerTlsSchema,
    KAFKA_BROKERS: kafkaBrokers(),
    ...kafkaSecuritySchema,
    KAFKA_CLIENT_ID: z.string().default('entitlement-service').describe('Kafka client id'),
    CONSUMER_GROUP_ID: z
      .string()
      .min(1)
      .default('entitlement-service')
      .describe('prefix of the consumer groups (.webhooks, .member-grants, .changes.<instance>)'),
    WEBHOOK_TOPIC: z.string().min(1).default(TOPICS.revenueCatWebhooks).describe('RevenueCat webhooks in'),
    MEMBER_GRANTS_TOPIC: z
      .string()
      .min(1)
      .default(TOPICS.memberGrants)
      .describe("team-service's grant-terms facts in, one per (member, team), keyed by user id (ADR 0016)"),
    ENTITLEMENT_CHANGES_TOPIC: z
      .string()
      .min(1)
      .default(TOPICS.entitlementChanges)
      .describe('entitlement changes out (and in, per instance, for cache invalidation and watchers)'),
    TOPIC_PARTITIONS: positiveInt().default(6).describe('partitions of topics this service creates'),
    MEMBER_GRANTS_PARTITIONS: positiveInt()
      .default(12)
      .describe(
        'partitions of the grant-terms topic when this service creates it (a team fan-out spreads over them)',
      ),
    WEBHOOK_CONCURRENCY: positiveInt().default(6).describe('webhook partitions handled at once'),
    WEBHOOK_USERS_PER_PARTITION: positiveInt()
      .default(4)
      .describe("users' webhooks handled at once in one partition, each user's in order (ADR 0027)"),
    MEMBER_GRANTS_CONCURRENCY: positiveInt().default(12).describe('grant-terms partitions handled at once'),
    MEMBER_GRANTS_USERS_PER_PARTITION: positiveInt()
      .default(8)
      .describe("users' grant terms handled at once in one partition, each user's in order (ADR 0027)"),
    KAFKA_MAX_WAIT_MS: positiveInt()
      .default(1_000)
      .describe('longest a fetch idles on a quiet topic; bounds how long stopping the consumers takes'),
    CONSUMER_BACKOFF_INITIAL_MS: positiveInt().default(200).describe('first pause after a transient failure'),
    CONSUMER_BACKOFF_MAX_MS: positiveInt().default(30_000).describe('longest pause after transient failures'),
    RETRY_PARK_AFTER_MS: positiveInt()
      .default(900_000)
      .describe(
        'a message failing transiently for this long moves to <topic>.parked and its partition moves on (ADR 0019)',
      ),
    PARKED_RETRY_INITIAL_MS: positiveInt()
      .default(60_000)
      .describe('first retry of a parked message; each parking round doubles it'),
    PARKED_RETRY_MAX_MS: positiveInt()
      .default(3_600_000)
      .describe('longest delay between retries of a parked message'),
    REVENUECAT_API_KEY: z
      .string()
      .min(1)
      .describe('RevenueCat secret API key (v1; also v2 unless set below)'),
    REVENUECAT_API_URL: z
      .string()
      .url()
      .default('https://api.revenuecat.com')
      .describe('RevenueCat base URL'),
    REVENUECAT_API_VERSION: z.enum(['v1', 'v2']).default('v1').describe('API used for grants and revokes'),
    REVENUECAT_V2_API_KEY: z.string().min(1).optional().describe('v2 secret key, when it differs'),
    REVENUECAT_PROJECT_ID: z.string().min(1).optional().describe('RevenueCat project id (v2 only)'),
    REVENUECAT_RATE_PER_SECOND: z.coerce
      .number()
      .positive()
      .default(8)
      .describe('calls per second over all RevenueCat calls (v2 customer information allows 480/min)'),
    REVENUECAT_MAX_CONCURRENCY: positiveInt().default(16).describe('RevenueCat calls in flight at once'),
    REVENUECAT_MAX_QUEUED_CALLS: positiveInt()
      .default(1_000)
      .describe(
        'background (Kafka, sweep) and revoke calls that may wait for the rate, each; more: retried later',
      ),
    REVENUECAT_MAX_QUEUE_WAIT_MS: positiveInt()
      .default(60_000)
      .describe('longest a background or revoke call waits for the rate before it fails (retriable)'),
    SYNC_MAX_QUEUED_CALLS: nonNegativeInt()
      .default(32)
      .describe('SyncCustomer calls that may wait for the rate; more get RESOURCE_EXHAUSTED at once'),
    SYNC_MAX_QUEUE_WAIT_MS: positiveInt()
      .default(5_000)
      .describe('longest a SyncCustomer call waits for the rate before UNAVAILABLE'),
    SYNC_RATE_SHARE: z.coerce
      .number()
      .min(0)
      .lt(1)
      .default(0.25)
      .describe('most of the rate SyncCustomer calls get while background work also waits'),
    SYNC_FRESH_FOR_MS: nonNegativeInt()
      .default(10_000)
      .describe('SyncCustomer answers from a snapshot stored this recently unless forced; 0: always reads'),
    REVENUECAT_TIMEOUT_MS: positiveInt().default(10_000).describe('timeout of one RevenueCat call'),
    REVENUECAT_MAX_ATTEMPTS: positiveInt().default(4).describe('attempts per RevenueCat call'),
    REVENUECAT_RETRY_BASE_MS: positiveInt()
      .default(200)
      .describe('first retry delay (full jitter, doubling)'),
    REVENUECAT_MAX_INLINE_WAIT_MS: positiveInt()
      .default(10_000)
      .describe('a longer Retry-After pauses the partition instead of waiting in the call'),
    BREAKER_ERROR_THRESHOLD_PERCENT: positiveInt()
      .max(100)
      .default(50)
      .describe('failure rate that opens it'),
    BREAKER_VOLUME_THRESHOLD: positiveInt().default(10).describe('calls in the window before it may open'),
    BREAKER_RESET_MS: positiveInt().default(5_000).describe('time open before a trial call'),
    TEAM_SERVICE_ADDR: z.string().min(1).default('127.0.0.1:50051').describe('team-service gRPC address'),
    TEAM_SERVICE_TOKEN: z.string().min(1).describe('bearer token for team-service (an internal token there)'),
    TEAM_SERVICE_DEADLINE_MS: positiveInt().default(5_000).describe('deadline of one team-service call'),
    ...grpcClientTlsSchema('TEAM_SERVICE', 'team-service'),
    INTERNAL_AUTH_TOKENS: csv().describe('bearer tokens accepted by this service, comma-separated'),
    CATALOG_FILE: z.string().min(1).describe('the catalog of team products (YAML or JSON)'),
    GRANT_BUFFER_HOURS: z.coerce
      .number()
      .min(0)
      .optional()
      .describe("overrides every product's grantBufferHours: how long grants run past the period end"),
    SWEEP_INTERVAL_MS: nonNegativeInt().default(60_000).describe('how often the sweep runs; 0 turns it off'),
    SWEEP_LEASE_MS: positiveInt()
      .optional()
      .describe(
        'how long the sweep lease lasts unless renewed (a running sweep renews it every third); default two intervals, at least 60000',
      ),
    SWEEP_BATCH: positiveInt()
      .default(100)
      .describe('users handled per sweep run (each costs RevenueCat calls)'),
    SWEEP_TEAM_CHECK_DELAY_MS: nonNegativeInt()
      .default(300_000)
      .describe('a team is re-checked this long after its period end, in case its webhook never came'),
    SWEEP_MAX_QUEUED_CALLS: nonNegativeInt()
      .default(50)
      .describe('the sweep skips a run while this many RevenueCat calls wait (live work first)'),
    SWEEP_RESYNC_AFTER_HOURS: z.coerce
      .number()
      .min(0)
      .default(24)
      .describe('customers not synced for this long are fetched again (heals missed webhooks)'),
    PROCESSED_EVENTS_RETENTION_DAYS: positiveInt().default(30).describe('webhook ids kept for deduplication'),
    CACHE_TTL_MS: positiveInt()
      .default(60_000)
      .describe(
        'CheckAccess cache entry lifetime; entries asked for after half of it are read again in the background',
      ),
    CACHE_MAX_ENTRIES: positiveInt().default(100_000).describe('CheckAccess cache size'),
  })
  .superRefine((config, ctx) => {
    if (config.PARKED_RETRY_MAX_MS < config.PARKED_RETRY_INITIAL_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['PARKED_RETRY_MAX_MS'],
        message: `must be at least PARKED_RETRY_INITIAL_MS (${config.PARKED_RETRY_INITIAL_MS})`,
      });
    }
    if (config.REVENUECAT_API_VERSION === 'v2' && !config.REVENUECAT_PROJECT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['REVENUECAT_PROJECT_ID'],
        message: 'is required with REVENUECAT_API_VERSION=v2',
      });
    }
  })
  .superRefine(checkTopicReplication)
  .superRefine(checkKafkaSecurity)
  .superRefine(checkGrpcServerTls)
  .superRefine(checkGrpcClientTls('TEAM_SERVICE'))
  .superRefine(
    refuseDevelopmentSecrets([
      'REVENUECAT_API_KEY',
      'REVENUECAT_V2_API_KEY',
      'TEAM_SERVICE_TOKEN',
      'INTERNAL_AUTH_TOKENS',
    ]),
  );

export type EntitlementServiceConfig = z.infer<typeof configSchema>;

export function loadEntitlementServiceConfig(env: NodeJS.ProcessEnv): EntitlementServiceConfig {
  return loadConfig(configSchema, env);
}

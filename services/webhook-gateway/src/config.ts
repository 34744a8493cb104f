import {
  checkKafkaSecurity,
  checkTopicReplication,
  commonSchema,
  kafkaSecuritySchema,
  ConfigError,
  kafkaBrokers,
  loadConfig,
  port,
  topicReplicationSchema,
  z,
} from '@teamseat/config';
import { TOPICS } from '@teamseat/contracts';

/** Used only when NODE_ENV=development and WEBHOOK_AUTHORIZATION is unset (docs/adr/0003). */
export const DEVELOPMENT_WEBHOOK_AUTHORIZATION = 'Bearer local-dev-webhook-secret';

const positiveInt = () => z.coerce.number().int().positive();

export const configSchema = z.object({
  ...commonSchema,
  ...topicReplicationSchema,
  HOST: z.string().default('0.0.0.0').describe('interface for the public and the admin port'),
  PORT: port(8080).describe('public port: POST /webhooks/revenuecat'),
  ADMIN_PORT: port(9080).describe('admin port: /livez, /readyz, /metrics'),
  KAFKA_BROKERS: kafkaBrokers(),
  ...kafkaSecuritySchema,
  KAFKA_CLIENT_ID: z.string().default('webhook-gateway').describe('Kafka client id'),
  KAFKA_LINGER_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(100)
    .default(2)
    .describe('how long concurrent events are gathered into one produce request'),
  KAFKA_MAX_BATCH_MESSAGES: positiveInt()
    .default(500)
    .describe('a batch is sent at once when it holds this many'),
  WEBHOOK_TOPIC: z.string().min(1).default(TOPICS.revenueCatWebhooks).describe('topic the webhooks go to'),
  WEBHOOK_TOPIC_PARTITIONS: positiveInt()
    .default(6)
    .describe('partitions when the gateway creates the topic'),
  WEBHOOK_AUTHORIZATION: z
    .string()
    .optional()
    .describe('the Authorization value configured in RevenueCat; required unless NODE_ENV=development'),
  WEBHOOK_AUTHORIZATION_PREVIOUS: z
    .string()
    .optional()
    .describe('the previous value, still accepted while a rotation is under way'),
  WEBHOOK_BODY_LIMIT_BYTES: positiveInt()
    .default(256 * 1024)
    .describe('larger bodies get 413'),
  WEBHOOK_PUBLISH_DEADLINE_MS: positiveInt()
    .max(50_000)
    .default(10_000)
    .describe('answer 503 when Kafka has not acknowledged within this time (RevenueCat gives up after 60 s)'),
  WEBHOOK_RETRY_AFTER_SECONDS: positiveInt().default(10).describe('Retry-After sent with every 503'),
  DUPLICATE_WINDOW_SIZE: positiveInt()
    .default(100_000)
    .describe('recent event ids kept to count redeliveries'),
  DUPLICATE_WINDOW_MAX_BYTES: positiveInt()
    .min(512, 'must be at least 512, room for one id of the longest accepted length (256 characters)')
    .default(8 * 1024 * 1024)
    .describe('bytes of event ids the duplicate window keeps, at two bytes a character; the oldest go first'),
  SHUTDOWN_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('wait after turning not-ready before closing the port, so load balancers notice'),
});

export type GatewayConfig = Omit<
  z.infer<typeof configSchema>,
  'WEBHOOK_AUTHORIZATION' | 'WEBHOOK_AUTHORIZATION_PREVIOUS'
> & {
  authorization: {
    /** Every value accepted now: the current one first, then the previous one during a rotation. */
    accepted: string[];
    /** True when the development default stands in for an unset WEBHOOK_AUTHORIZATION. */
    usingDevelopmentDefault: boolean;
  };
};

/**
 * Reads the gateway's configuration and reports every problem at once. The authorization rule depends on
 * NODE_ENV, so it is checked beside the schema rather than inside it, to be listed with the other problems.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const problems: string[] = [];
  let parsed: z.infer<typeof configSchema> | undefined;
  try {
    parsed = loadConfig(configSchema.superRefine(checkTopicReplication).superRefine(checkKafkaSecurity), env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const development = (env.NODE_ENV || 'development') === 'development';
  const current = env.WEBHOOK_AUTHORIZATION || undefined;
  if (current === undefined && !development) {
    problems.push('WEBHOOK_AUTHORIZATION: required unless NODE_ENV=development');
  }
  if (problems.length > 0 || parsed === undefined) throw new ConfigError(problems);

  const { WEBHOOK_AUTHORIZATION: _current, WEBHOOK_AUTHORIZATION_PREVIOUS: previous, ...rest } = parsed;
  const accepted = [current ?? DEVELOPMENT_WEBHOOK_AUTHORIZATION];
  if (previous !== undefined && previous !== accepted[0]) accepted.push(previous);
  return { ...rest, authorization: { accepted, usingDevelopmentDefault: current === undefined } };
}

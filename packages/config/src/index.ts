import { z } from 'zod';

export { z };
export * from './topic-replication';
export * from './kafka-security';
export * from './grpc-tls';
export { existingFile, flag, readSecretFile } from './files';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment with a service's schema and reports every problem at once, naming each variable.
 * Empty strings count as unset so that `FOO=` in a shell falls back to the default.
 */
export function loadConfig<S extends z.ZodTypeAny>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data as z.infer<S>;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
}

/** Common variables of every service (DESIGN §6). */
export const commonSchema = {
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level'),
  NODE_ENV: z
    .enum(['development', 'test', 'production'])
    .default('development')
    .describe('development | test | production: production defaults are the safe ones (docs/adr/0023)'),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(20_000)
    .describe('hard limit for graceful shutdown; keep it below the pod grace period'),
};

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);

/** A comma-separated list, e.g. KAFKA_BROKERS=host1:9092,host2:9092. */
export const csv = () =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    )
    .pipe(z.array(z.string()).min(1, 'needs at least one entry'));

export const kafkaBrokers = () =>
  csv().default('127.0.0.1:9092').describe('Kafka bootstrap servers, comma-separated');

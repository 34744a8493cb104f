import { Kafka, logLevel, type LogEntry, type KafkaConfig, type SASLOptions } from 'kafkajs';
import type { Logger } from '@teamseat/logger';
import './kafkajs-idle-timers';

export { Kafka };
export type { Admin } from 'kafkajs';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * kafkajs warns that bounded retries "may invalidate EoS guarantees" of the idempotent producer. We bound
 * them on purpose: a produce that cannot finish fails back to the caller (the gateway answers 503 and
 * RevenueCat retries) instead of hanging; the warning says nothing an operator can act on.
 */
const EXPECTED_WARNINGS = ['Limiting retries for the idempotent producer'];

/**
 * kafkajs logs every error response of the broker at error level ("Response GroupCoordinator(key: 10,
 * version: 2)", "The group coordinator is not available") and then retries the request or throws: one such
 * line at every start while the broker elects a coordinator. What kafkajs cannot get past reaches our code
 * as an exception and is logged there, with what it meant; the response itself is a warning.
 */
const RETRIED_RESPONSE = /^Response \w+\(key: \d+, version: \d+\)$/;

/** Sends kafkajs' own log lines through our JSON logger instead of its console logger. */
export function pinoLogCreator(logger: Logger) {
  const kafkaLogger = logger.child({ module: 'kafkajs' });
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const expected = EXPECTED_WARNINGS.some((text) => message.startsWith(text));
      const retried = level === logLevel.ERROR && RETRIED_RESPONSE.test(message);
      kafkaLogger[expected ? 'debug' : retried ? 'warn' : (LEVELS[level] ?? 'info')](extra, message);
    };
}

/**
 * TLS and SASL of every connection, as @teamseat/config's kafkaSecurity() reads them from KAFKA_SSL* and
 * KAFKA_SASL_* (docs/adr/0033). Empty: plaintext, no authentication.
 */
export interface KafkaSecurity {
  /** TLS on; without `ca`, the system's CAs are trusted; `cert` and `key` for brokers requiring mutual TLS. */
  tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer };
  sasl?: { mechanism: 'scram-sha-512' | 'plain'; username: string; password: string };
}

/** Where and how to connect: what the producer (a different client, see batching-producer.ts) needs too. */
export interface KafkaConnection {
  brokers: string[];
  clientId: string;
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
  security: KafkaSecurity;
}

/** A kafkajs client (consumers, admin) that remembers its connection settings for the producer. */
export type KafkaClient = Kafka & { readonly connection: KafkaConnection };

export function createKafka({
  brokers,
  clientId,
  logger,
  connectionTimeoutMs = 3_000,
  requestTimeoutMs = 10_000,
  retry,
  security = {},
}: {
  brokers: string[];
  clientId: string;
  logger: Logger;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  retry?: KafkaConfig['retry'];
  security?: KafkaSecurity;
}): KafkaClient {
  const connection: KafkaConnection = { brokers, clientId, connectionTimeoutMs, requestTimeoutMs, security };
  const kafka = new Kafka({
    brokers,
    clientId,
    ...(security.tls && { ssl: { ...security.tls, rejectUnauthorized: true } }),
    ...(security.sasl && { sasl: { ...security.sasl } as SASLOptions }),
    connectionTimeout: connectionTimeoutMs,
    requestTimeout: requestTimeoutMs,
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(logger),
    retry: retry ?? { initialRetryTime: 100, retries: 5, maxRetryTime: 2_000 },
  });
  return Object.assign(kafka, { connection });
}

/** True when the cluster answers a metadata request: the readiness check of every Kafka user. */
export async function kafkaReachable(kafka: Kafka): Promise<boolean> {
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

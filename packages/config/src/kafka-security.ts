import fs from 'node:fs';
import { z } from 'zod';
import { existingFile, flag, readSecretFile } from './files';

/** How every service authenticates to Kafka and protects the connection (docs/adr/0033). */
export const kafkaSecuritySchema = {
  KAFKA_SSL: flag(false).describe('connect to the brokers over TLS (security.protocol SSL or SASL_SSL)'),
  KAFKA_SSL_CA_FILE: existingFile()
    .optional()
    .describe("PEM CA bundle the brokers' certificates are checked against; default the system's CAs"),
  KAFKA_SSL_CERT_FILE: existingFile()
    .optional()
    .describe('PEM client certificate, for brokers that require mutual TLS (with KAFKA_SSL_KEY_FILE)'),
  KAFKA_SSL_KEY_FILE: existingFile().optional().describe('PEM private key of KAFKA_SSL_CERT_FILE'),
  KAFKA_SASL_MECHANISM: z
    .enum(['scram-sha-512', 'plain'])
    .optional()
    .describe('scram-sha-512 | plain: authenticate with SASL; unset, no SASL'),
  KAFKA_SASL_USERNAME: z.string().min(1).optional().describe('SASL user name'),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional().describe('SASL password (or KAFKA_SASL_PASSWORD_FILE)'),
  KAFKA_SASL_PASSWORD_FILE: existingFile()
    .optional()
    .describe('file holding the SASL password, e.g. a mounted Secret (or KAFKA_SASL_PASSWORD)'),
  KAFKA_ALLOW_SASL_PLAINTEXT: flag(false).describe(
    'accept SASL without TLS when NODE_ENV=production (credentials and data then cross the network unencrypted)',
  ),
};

export type KafkaSaslMechanism = 'scram-sha-512' | 'plain';

/** The parsed settings, file contents read: what createKafka (packages/kafka) builds its clients from. */
export interface KafkaSecurity {
  /** Present when KAFKA_SSL=true; without `ca`, the system's CAs are trusted. */
  tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer };
  sasl?: { mechanism: KafkaSaslMechanism; username: string; password: string };
}

interface SecuritySettings {
  NODE_ENV: string;
  KAFKA_SSL: boolean;
  KAFKA_SSL_CA_FILE?: string | undefined;
  KAFKA_SSL_CERT_FILE?: string | undefined;
  KAFKA_SSL_KEY_FILE?: string | undefined;
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
  KAFKA_SASL_PASSWORD_FILE?: string | undefined;
  KAFKA_ALLOW_SASL_PLAINTEXT: boolean;
}

/** For a service schema's superRefine: settings that only make sense together, each problem naming its variable. */
export function checkKafkaSecurity(config: SecuritySettings, ctx: z.RefinementCtx): void {
  const problem = (path: keyof SecuritySettings, message: string) =>
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });

  for (const file of ['KAFKA_SSL_CA_FILE', 'KAFKA_SSL_CERT_FILE', 'KAFKA_SSL_KEY_FILE'] as const) {
    if (config[file] !== undefined && !config.KAFKA_SSL) problem(file, 'is set but KAFKA_SSL is not true');
  }
  if (config.KAFKA_SSL_CERT_FILE !== undefined && config.KAFKA_SSL_KEY_FILE === undefined) {
    problem('KAFKA_SSL_KEY_FILE', 'is required with KAFKA_SSL_CERT_FILE');
  }
  if (config.KAFKA_SSL_KEY_FILE !== undefined && config.KAFKA_SSL_CERT_FILE === undefined) {
    problem('KAFKA_SSL_CERT_FILE', 'is required with KAFKA_SSL_KEY_FILE');
  }

  const hasPassword = config.KAFKA_SASL_PASSWORD !== undefined;
  const hasPasswordFile = config.KAFKA_SASL_PASSWORD_FILE !== undefined;
  if (config.KAFKA_SASL_MECHANISM === undefined) {
    for (const name of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_PASSWORD_FILE'] as const) {
      if (config[name] !== undefined) problem(name, 'is set but KAFKA_SASL_MECHANISM is not');
    }
    return;
  }
  if (config.KAFKA_SASL_USERNAME === undefined) {
    problem('KAFKA_SASL_USERNAME', `is required with KAFKA_SASL_MECHANISM=${config.KAFKA_SASL_MECHANISM}`);
  }
  if (!hasPassword && !hasPasswordFile) {
    problem(
      'KAFKA_SASL_PASSWORD',
      `is required with KAFKA_SASL_MECHANISM=${config.KAFKA_SASL_MECHANISM} (or KAFKA_SASL_PASSWORD_FILE)`,
    );
  }
  if (hasPassword && hasPasswordFile) {
    problem('KAFKA_SASL_PASSWORD_FILE', 'and KAFKA_SASL_PASSWORD are both set; set one');
  }
  if (!config.KAFKA_SSL && config.NODE_ENV === 'production' && !config.KAFKA_ALLOW_SASL_PLAINTEXT) {
    problem(
      'KAFKA_SASL_MECHANISM',
      'SASL without TLS is refused with NODE_ENV=production: set KAFKA_SSL=true, or KAFKA_ALLOW_SASL_PLAINTEXT=true to accept an unencrypted connection',
    );
  }
}

/** The settings in force, with the files read (once, at start); call it on a configuration checked above. */
export function kafkaSecurity(config: SecuritySettings): KafkaSecurity {
  const read = (file: string | undefined) => (file === undefined ? undefined : fs.readFileSync(file));
  const security: KafkaSecurity = {};
  if (config.KAFKA_SSL) {
    const [ca, cert, key] = [
      config.KAFKA_SSL_CA_FILE,
      config.KAFKA_SSL_CERT_FILE,
      config.KAFKA_SSL_KEY_FILE,
    ].map(read);
    security.tls = { ...(ca && { ca }), ...(cert && { cert }), ...(key && { key }) };
  }
  if (config.KAFKA_SASL_MECHANISM !== undefined) {
    const password =
      config.KAFKA_SASL_PASSWORD_FILE === undefined
        ? config.KAFKA_SASL_PASSWORD
        : readSecretFile(config.KAFKA_SASL_PASSWORD_FILE);
    security.sasl = {
      mechanism: config.KAFKA_SASL_MECHANISM,
      username: config.KAFKA_SASL_USERNAME ?? '',
      password: password ?? '',
    };
  }
  return security;
}

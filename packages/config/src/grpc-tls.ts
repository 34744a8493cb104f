import fs from 'node:fs';
import { z } from 'zod';
import { existingFile, flag } from './files';

/** TLS of a service's gRPC port (docs/adr/0033); unset, the port is plaintext, as behind a mesh. */
export const grpcServerTlsSchema = {
  GRPC_TLS_CERT_FILE: existingFile()
    .optional()
    .describe('PEM certificate (chain) of the gRPC port; with GRPC_TLS_KEY_FILE it turns TLS on'),
  GRPC_TLS_KEY_FILE: existingFile().optional().describe('PEM private key of GRPC_TLS_CERT_FILE'),
  GRPC_TLS_CLIENT_CA_FILE: existingFile()
    .optional()
    .describe('PEM CA bundle: when set, callers must present a certificate it signed (mutual TLS)'),
};

interface ServerTlsSettings {
  GRPC_TLS_CERT_FILE?: string | undefined;
  GRPC_TLS_KEY_FILE?: string | undefined;
  GRPC_TLS_CLIENT_CA_FILE?: string | undefined;
}

/** What createGrpcServer (packages/grpc) takes: the files' contents. */
export interface GrpcServerTlsSettings {
  cert: Buffer;
  key: Buffer;
  /** Set: mutual TLS, a caller without a certificate signed by it is refused. */
  clientCa?: Buffer;
}

type Problem = (path: string, message: string) => void;
const reporter =
  (ctx: z.RefinementCtx): Problem =>
  (path, message) =>
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });

/** For a service schema's superRefine. */
export function checkGrpcServerTls(config: ServerTlsSettings, ctx: z.RefinementCtx): void {
  const problem = reporter(ctx);
  if (config.GRPC_TLS_CERT_FILE !== undefined && config.GRPC_TLS_KEY_FILE === undefined) {
    problem('GRPC_TLS_KEY_FILE', 'is required with GRPC_TLS_CERT_FILE');
  }
  if (config.GRPC_TLS_KEY_FILE !== undefined && config.GRPC_TLS_CERT_FILE === undefined) {
    problem('GRPC_TLS_CERT_FILE', 'is required with GRPC_TLS_KEY_FILE');
  }
  if (config.GRPC_TLS_CLIENT_CA_FILE !== undefined && config.GRPC_TLS_CERT_FILE === undefined) {
    problem(
      'GRPC_TLS_CLIENT_CA_FILE',
      'needs GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE (mutual TLS is TLS first)',
    );
  }
}

/** The server's TLS in force, files read once at start; undefined: plaintext. */
export function grpcServerTls(config: ServerTlsSettings): GrpcServerTlsSettings | undefined {
  if (config.GRPC_TLS_CERT_FILE === undefined || config.GRPC_TLS_KEY_FILE === undefined) return undefined;
  return {
    cert: fs.readFileSync(config.GRPC_TLS_CERT_FILE),
    key: fs.readFileSync(config.GRPC_TLS_KEY_FILE),
    ...(config.GRPC_TLS_CLIENT_CA_FILE && { clientCa: fs.readFileSync(config.GRPC_TLS_CLIENT_CA_FILE) }),
  };
}

/** What createClient (packages/grpc) takes for a TLS channel. */
export interface GrpcClientTlsSettings {
  /** The CAs the server's certificate is checked against; unset, the system's. */
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  /** The name the server's certificate must carry, when the address differs (an IP, a headless Service). */
  serverName?: string;
}

const clientKeys = <P extends string>(prefix: P) => ({
  on: `${prefix}_TLS` as const,
  ca: `${prefix}_TLS_CA_FILE` as const,
  cert: `${prefix}_TLS_CERT_FILE` as const,
  key: `${prefix}_TLS_KEY_FILE` as const,
  serverName: `${prefix}_TLS_SERVER_NAME` as const,
});

/**
 * TLS settings of a gRPC client, named after its target: `grpcClientTlsSchema('TEAM_SERVICE', 'team-service')`
 * gives TEAM_SERVICE_TLS, TEAM_SERVICE_TLS_CA_FILE, _CERT_FILE, _KEY_FILE and _SERVER_NAME.
 */
export function grpcClientTlsSchema<P extends string>(prefix: P, target: string) {
  const keys = clientKeys(prefix);
  return {
    [keys.on]: flag(false).describe(`call ${target} over TLS`),
    [keys.ca]: existingFile()
      .optional()
      .describe(`PEM CA bundle ${target}'s certificate is checked against; default the system's CAs`),
    [keys.cert]: existingFile()
      .optional()
      .describe(`PEM client certificate, when ${target} requires mutual TLS (with ${keys.key})`),
    [keys.key]: existingFile().optional().describe(`PEM private key of ${keys.cert}`),
    [keys.serverName]: z
      .string()
      .min(1)
      .optional()
      .describe(`name expected in ${target}'s certificate, when it differs from the address's host`),
  } as {
    [K in (typeof keys)['on']]: ReturnType<typeof flag>;
  } & {
    [K in (typeof keys)['ca' | 'cert' | 'key']]: z.ZodOptional<ReturnType<typeof existingFile>>;
  } & { [K in (typeof keys)['serverName']]: z.ZodOptional<z.ZodString> };
}

type ClientTlsSettings = Record<string, unknown>;
const text = (config: ClientTlsSettings, key: string) =>
  typeof config[key] === 'string' ? (config[key] as string) : undefined;

/** For a service schema's superRefine: `.superRefine(checkGrpcClientTls('TEAM_SERVICE'))`. */
export function checkGrpcClientTls(prefix: string) {
  const keys = clientKeys(prefix);
  return (config: ClientTlsSettings, ctx: z.RefinementCtx): void => {
    const problem = reporter(ctx);
    if (config[keys.on] !== true) {
      for (const key of [keys.ca, keys.cert, keys.key, keys.serverName]) {
        if (text(config, key) !== undefined) problem(key, `is set but ${keys.on} is not true`);
      }
      return;
    }
    if (text(config, keys.cert) !== undefined && text(config, keys.key) === undefined) {
      problem(keys.key, `is required with ${keys.cert}`);
    }
    if (text(config, keys.key) !== undefined && text(config, keys.cert) === undefined) {
      problem(keys.cert, `is required with ${keys.key}`);
    }
  };
}

/** The client's TLS in force, files read once at start; undefined: plaintext. */
export function grpcClientTls(prefix: string, config: ClientTlsSettings): GrpcClientTlsSettings | undefined {
  const keys = clientKeys(prefix);
  if (config[keys.on] !== true) return undefined;
  const read = (key: string) => {
    const file = text(config, key);
    return file === undefined ? undefined : fs.readFileSync(file);
  };
  const [ca, cert, key, serverName] = [
    read(keys.ca),
    read(keys.cert),
    read(keys.key),
    text(config, keys.serverName),
  ];
  return { ...(ca && { ca }), ...(cert && { cert }), ...(key && { key }), ...(serverName && { serverName }) };
}

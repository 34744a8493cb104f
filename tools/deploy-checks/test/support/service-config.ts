import { pathToFileURL } from 'node:url';
import { existsIn, fromRoot, readText } from './repo';

/** Upper-case keys (`NAME:` at the start of a line) of the object literal that follows `marker` in `text`. */
function keysAfter(text: string, marker: RegExp): string[] {
  const start = text.search(marker);
  if (start < 0) return [];
  const body = text.slice(start);
  const end = body.search(/\n\}\)?;?\n/);
  return [...body.slice(0, end < 0 ? undefined : end).matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
}

/** Key groups of @teamseat/config a service schema spreads (`...name`), and where each is declared. */
const SHARED_SCHEMAS: Record<string, string> = {
  commonSchema: 'packages/config/src/index.ts',
  topicReplicationSchema: 'packages/config/src/topic-replication.ts',
  kafkaSecuritySchema: 'packages/config/src/kafka-security.ts',
  grpcServerTlsSchema: 'packages/config/src/grpc-tls.ts',
};

/** The variables `...grpcClientTlsSchema('PREFIX', …)` adds (packages/config/src/grpc-tls.ts). */
const CLIENT_TLS_SUFFIXES = ['_TLS', '_TLS_CA_FILE', '_TLS_CERT_FILE', '_TLS_KEY_FILE', '_TLS_SERVER_NAME'];

/**
 * The environment variables a workspace's `src/config.ts` schema reads: its own keys, plus the keys of the
 * shared groups of @teamseat/config it spreads. Read from source, as the schema is the contract.
 */
export function configKeys(dir: string): string[] {
  const source = readText(`${dir}/src/config.ts`);
  const own = keysAfter(source, /z\s*\.object\(\{/);
  const shared = Object.entries(SHARED_SCHEMAS)
    .filter(([name]) => new RegExp(`\\.\\.\\.${name}\\b`).test(source))
    .flatMap(([name, file]) => keysAfter(readText(file), new RegExp(`export const ${name} = \\{`)));
  const clients = [...source.matchAll(/\.\.\.grpcClientTlsSchema\('([A-Z_]+)'/g)].flatMap(([, prefix]) =>
    CLIENT_TLS_SUFFIXES.map((suffix) => `${prefix}${suffix}`),
  );
  return [...new Set([...own, ...shared, ...clients])].sort();
}

export const hasConfig = (dir: string) => existsIn(`${dir}/src/config.ts`);

type LocalProcess = { name: string; cwd: string; env: Record<string, string> };

/** What `npm start` runs (scripts/local-processes.mjs): the reference for "the same system". */
export async function localProcesses(): Promise<LocalProcess[]> {
  const module = (await import(pathToFileURL(fromRoot('scripts/local-processes.mjs')).href)) as {
    localProcesses: (stack: Record<string, string>) => LocalProcess[];
  };
  return module.localProcesses({});
}

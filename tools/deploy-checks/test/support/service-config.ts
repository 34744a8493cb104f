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

/**
 * The environment variables a workspace's `src/config.ts` schema reads: its own keys, plus the common keys
 * of @teamseat/config when it spreads `...commonSchema`. Read from source, as the schema is the contract.
 */
export function configKeys(dir: string): string[] {
  const source = readText(`${dir}/src/config.ts`);
  const own = keysAfter(source, /z\s*\.object\(\{/);
  const common = /\.\.\.commonSchema\b/.test(source)
    ? keysAfter(readText('packages/config/src/index.ts'), /export const commonSchema = \{/)
    : [];
  const replication = /\.\.\.topicReplicationSchema\b/.test(source)
    ? keysAfter(
        readText('packages/config/src/topic-replication.ts'),
        /export const topicReplicationSchema = \{/,
      )
    : [];
  return [...new Set([...own, ...common, ...replication])].sort();
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

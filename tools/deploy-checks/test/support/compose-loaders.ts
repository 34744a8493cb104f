import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse } from 'yaml';
import { fromRoot } from './repo';

const resolve = (file: string) => (path.isAbsolute(file) ? file : fromRoot(file));
import type { ComposeFile } from './compose';

let loaders: { v1: string[]; v2: string[] } | undefined;

/**
 * Compose v1 (Debian's 1.29) and the compose-go loader of Compose v2+, pinned and cached under .local by
 * bin/ensure-compose.mjs (the first call downloads the .debs and builds the loader; later calls return at once).
 */
export function ensureComposeLoaders(): { v1: string[]; v2: string[] } {
  loaders ??= JSON.parse(
    execFileSync(process.execPath, [fromRoot('tools/deploy-checks/bin/ensure-compose.mjs')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as { v1: string[]; v2: string[] };
  return loaders;
}

export type Loaded = { ok: true; project: ComposeFile } | { ok: false; error: string };

/** Runs a loader with an environment of only PATH and HOME, so no variable of this shell leaks in. */
function load(argv: string[]): Loaded {
  const [command, ...args] = argv;
  const result = spawnSync(command!, args, {
    cwd: fromRoot(),
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  if (result.status !== 0) return { ok: false, error: `${result.stdout}${result.stderr}`.trim() };
  return { ok: true, project: parse(result.stdout) as ComposeFile };
}

/** `docker-compose [--env-file F] -f FILE config` with Compose v1: the resolved file, or what v1 said. */
export function composeV1Config(file: string, envFile?: string): Loaded {
  const env = envFile ? ['--env-file', resolve(envFile)] : [];
  return load([
    ...ensureComposeLoaders().v1,
    ...env,
    '--project-directory',
    fromRoot(),
    '-f',
    resolve(file),
    'config',
  ]);
}

/** `docker compose [--env-file F] -f FILE config` as compose-go resolves it: the project, or the error. */
export function composeV2Config(file: string, envFile?: string): Loaded {
  const env = envFile ? ['--env-file', resolve(envFile)] : [];
  return load([...ensureComposeLoaders().v2, ...env, resolve(file)]);
}

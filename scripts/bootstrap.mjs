// Shared first steps of `npm start` and `npm test`: install dependencies when missing or stale, then build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function run(command, args, { env = process.env, label = `${command} ${args.join(' ')}` } = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal}) after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${label} (${seconds}s)`);
}

/** npm ci when node_modules is missing or older than the lockfile (a pull changed dependencies). */
export function installIfNeeded() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  run('npm', ['ci', '--no-audit', '--no-fund'], { label: 'npm ci (dependencies missing or out of date)' });
}

export function build() {
  run('npm', ['run', 'build', '--silent'], { label: 'npm run build' });
}

/** Test files of one tier (unit | int | e2e) across all workspaces. */
export function testFiles(tier) {
  const files = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(`.${tier}.test.ts`)) files.push(full);
    }
  };
  for (const group of ['packages', 'services', 'tools']) {
    for (const workspace of existsSync(path.join(root, group)) ? readdirSync(path.join(root, group)) : []) {
      walk(path.join(root, group, workspace, 'test'));
    }
  }
  return files;
}

/** Reads the KEY=VALUE endpoints written by `npm run stack:up`. */
export function readStackEnv() {
  const file = path.join(root, '.local', 'stack.env');
  if (!existsSync(file)) return {};
  const pairs = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line))
    .filter(Boolean)
    .map((match) => [match[1], match[2].trim()]);
  return Object.fromEntries(pairs);
}

// Starts (or reuses) tools/local-stack and reads the endpoints it writes to .local/stack.env.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Endpoints } from './infrastructure';
import { parseBrokers } from './infrastructure';

const STACK_SCRIPT = path.join('tools', 'local-stack', 'bin', 'stack.mjs');

/** The monorepo root: the nearest directory above `from` that holds tools/local-stack/bin/stack.mjs. */
export function findRepoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, STACK_SCRIPT))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no ${STACK_SCRIPT} found above ${from}`);
    dir = parent;
  }
}

export function parseStackEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) values[match[1]!] = match[2]!.trim();
  }
  return values;
}

function runStackUp(repoRoot: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // `up` is idempotent and serialised by a lock file, so parallel test processes may all call it.
    execFile(
      process.execPath,
      [path.join(repoRoot, STACK_SCRIPT), 'up'],
      { cwd: repoRoot, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve();
        reject(new Error(`\`npm run stack:up\` failed:\n${stderr || stdout || error.message}`));
      },
    );
  });
}

export async function startLocalStack(repoRoot: string = findRepoRoot()): Promise<Endpoints> {
  await runStackUp(repoRoot);
  const envFile = path.join(repoRoot, '.local', 'stack.env');
  const values = parseStackEnv(fs.readFileSync(envFile, 'utf8'));
  const kafkaBrokers = parseBrokers(values.KAFKA_BROKERS);
  const mongoUri = values.MONGODB_URI;
  if (!kafkaBrokers || !mongoUri) throw new Error(`${envFile} lacks KAFKA_BROKERS or MONGODB_URI`);
  return { kafkaBrokers, mongoUri };
}

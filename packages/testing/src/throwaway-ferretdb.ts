import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { exited, freePort } from './child-processes';
import { findRepoRoot } from './local-stack';
import { waitFor } from './wait-for';

/**
 * A FerretDB that belongs to one test (or one fault suite), so it may be killed and started again: the
 * shared database of the local stack is never touched. It runs the binary the local stack built
 * (.local/bin/ferretdb) on its own port, with its own SQLite directory under .local/tmp, removed afterwards.
 */
export interface ThrowawayFerretDb {
  /** `mongodb://127.0.0.1:<port>/`: the same port across kill and restart. */
  readonly uri: string;
  /** SIGKILL: the database vanishes as in a crash; what was written stays in its SQLite files. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data, and waits until it answers a ping. */
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

async function answers(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, {
    directConnection: true,
    serverSelectionTimeoutMS: 1000,
    connectTimeoutMS: 1000,
  });
  try {
    return (await client.db('admin').command({ ping: 1 })).ok === 1;
  } finally {
    await client.close().catch(() => undefined);
  }
}

export async function startThrowawayFerretDb(): Promise<ThrowawayFerretDb> {
  const root = findRepoRoot();
  const binary = path.join(root, '.local', 'bin', 'ferretdb');
  if (!fs.existsSync(binary)) throw new Error(`no FerretDB at ${binary}: run \`npm run stack:up\` once`);
  const dir = path.join(root, '.local', 'tmp', `throwaway-ferretdb-${randomBytes(4).toString('hex')}`);
  const [data, state] = [path.join(dir, 'data'), path.join(dir, 'state')];
  fs.mkdirSync(data, { recursive: true });
  fs.mkdirSync(state, { recursive: true });
  const port = await freePort();
  const uri = `mongodb://127.0.0.1:${port}/`;
  // The same flags as the local stack (tools/local-stack/lib/ferretdb.mjs), on this port and directory.
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${data}/`,
    '--telemetry=disable',
    `--listen-addr=127.0.0.1:${port}`,
    `--state-dir=${state}`,
    '--debug-addr=-',
    '--log-level=warn',
  ];

  let child: ChildProcess | undefined;
  // Never leave a database behind, even when the test process ends abruptly.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  async function start(): Promise<void> {
    const log = fs.openSync(path.join(dir, 'ferretdb.log'), 'a');
    const started = spawn(binary, args, { cwd: dir, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    child = started;
    let gone = false;
    void exited(started).then(() => (gone = true));
    await waitFor(async () => gone || (await answers(uri)), {
      timeoutMs: 30_000,
      intervalMs: 100,
      description: `the throwaway FerretDB on ${port}`,
    });
    if (gone) {
      const tail = fs.readFileSync(path.join(dir, 'ferretdb.log'), 'utf8').split('\n').slice(-15).join('\n');
      throw new Error(`the throwaway FerretDB on ${port} exited with ${started.exitCode}\n${tail}`);
    }
  }
  async function kill(): Promise<void> {
    if (!child) return;
    child.kill('SIGKILL');
    await exited(child);
    child = undefined;
  }

  await start();
  return {
    uri,
    kill,
    restart: start,
    async destroy() {
      await kill();
      process.removeListener('exit', killOnExit);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

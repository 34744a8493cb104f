import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { findRepoRoot } from './local-stack';
import { waitFor } from './wait-for';

/**
 * A FerretDB that belongs to one test, so the test may kill and restart it: the local stack's database is
 * never touched. It runs the binary the local stack built (.local/bin/ferretdb) on its own port, with SQLite
 * files under .local/tmp that are removed afterwards.
 */
export interface ThrowawayDatabase {
  /** mongodb://127.0.0.1:<port>/ (add a database name). */
  readonly uri: string;
  /** Kills the process (SIGKILL): the database vanishes as in a crash; its port then refuses connections. */
  kill(): Promise<void>;
  /** Starts it again on the same port and files, and waits until it answers. */
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function answers(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

export async function startThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const root = findRepoRoot();
  const binary = path.join(root, '.local', 'bin', 'ferretdb');
  if (!fs.existsSync(binary)) throw new Error(`no FerretDB at ${binary}: run \`npm run stack:up\` once`);
  const dir = path.join(root, '.local', 'tmp', `throwaway-ferretdb-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'state'), { recursive: true });
  const port = await freePort();
  const uri = `mongodb://127.0.0.1:${port}/`;
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${path.join(dir, 'data')}/`,
    '--telemetry=disable',
    `--listen-addr=127.0.0.1:${port}`,
    `--state-dir=${path.join(dir, 'state')}`,
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
    child = started;
    await waitFor(async () => started.exitCode !== null || (await answers(uri)), {
      timeoutMs: 30_000,
      intervalMs: 200,
      description: `the throwaway FerretDB on ${port}`,
    });
    if (started.exitCode !== null) throw new Error(`the throwaway FerretDB exited; see ${dir}/ferretdb.log`);
  }
  async function kill(): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const gone = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await gone;
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

import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import readline from 'node:readline';
import { waitFor } from '@teamseat/testing';
import { fromRoot } from './repo';

export type LogLine = Record<string, unknown>;

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  logs: LogLine[];
  exit: Promise<number | null>;
  /** SIGKILL: no shutdown at all, as when a node dies. */
  kill(): Promise<void>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

const running = new Set<ServiceProcess>();

/**
 * Runs a built workspace the way its image does: `node dist/main.js` in the workspace directory, with
 * exactly the environment given (plus PATH). Output lines are kept as parsed JSON logs.
 */
export function startService(name: string, dir: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: fromRoot(dir),
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const onLine = (text: string) => {
    try {
      logs.push(JSON.parse(text) as LogLine);
    } catch {
      logs.push({ msg: text, unstructured: true });
    }
  };
  readline.createInterface({ input: child.stdout! }).on('line', onLine);
  readline.createInterface({ input: child.stderr! }).on('line', onLine);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const service: ServiceProcess = {
    name,
    child,
    logs,
    exit,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exit;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exit;
    },
  };
  running.add(service);
  void exit.then(() => running.delete(service));
  return service;
}

/** Every process this module started and that still runs; for after() hooks and crashed tests. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}
process.once('exit', () => {
  for (const service of running) service.child.kill('SIGKILL');
});

/** A port that was free a moment ago on 127.0.0.1 (the service binds it right after). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits for 200 from a URL (a /readyz), failing early with the logs if the process exits first. */
export async function waitReady(service: ServiceProcess, url: string, timeoutMs = 60_000): Promise<void> {
  let exited = false;
  void service.exit.then(() => (exited = true));
  await waitFor(
    async () => {
      if (exited) {
        const tail = service.logs.slice(-20).map((l) => JSON.stringify(l));
        throw new Error(`${service.name} exited before it was ready:\n${tail.join('\n')}`);
      }
      return (await fetch(url)).ok;
    },
    { timeoutMs, intervalMs: 200, description: `${service.name} ready at ${url}` },
  ).catch((error: Error) => {
    throw new Error(
      `${error.message}\nlast logs of ${service.name}:\n${service.logs
        .slice(-10)
        .map((l) => JSON.stringify(l))
        .join('\n')}`,
    );
  });
}

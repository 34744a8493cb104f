import path from 'node:path';
import { freePort, startServiceProcess, type ServiceProcess } from '@teamseat/testing';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/**
 * One service run as operators run it (`node dist/main.js`, configured by env), on fixed ports so that
 * clients keep their address across a kill and a restart. The output of every run is kept for failures.
 */
export interface ManagedProcess {
  readonly name: string;
  readonly port: number;
  readonly adminPort: number;
  readonly address: string;
  start(): Promise<void>;
  /** SIGKILL: a crash; nothing is flushed. */
  kill(): Promise<void>;
  /** SIGTERM, as an orchestrator stops a pod, and waits for the exit. */
  stop(): Promise<void>;
  /** Everything every run of it wrote, the newest last. */
  output(): string;
}

export async function managedProcess({
  name,
  dir,
  readyLogText,
  env,
  portEnv = { port: 'PORT', adminPort: 'ADMIN_PORT' },
}: {
  name: string;
  dir: string;
  readyLogText: string;
  env: Record<string, string>;
  portEnv?: { port: string; adminPort?: string };
}): Promise<ManagedProcess> {
  const [port, adminPort] = [await freePort(), await freePort()];
  const runs: ServiceProcess[] = [];
  let current: ServiceProcess | undefined;
  const fullEnv = {
    NODE_ENV: 'test',
    // info at least: the ready line that names the ports is an info line.
    LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'info',
    HOST: '127.0.0.1',
    ...env,
    [portEnv.port]: String(port),
    ...(portEnv.adminPort && { [portEnv.adminPort]: String(adminPort) }),
  };
  async function end(signal: 'SIGKILL' | 'SIGTERM') {
    const run = current;
    current = undefined;
    if (!run || run.child.exitCode !== null || run.child.signalCode !== null) return;
    run.child.kill(signal);
    await run.exited;
  }
  return {
    name,
    port,
    adminPort,
    address: `127.0.0.1:${port}`,
    async start() {
      current = await startServiceProcess({ cwd: path.join(REPO_ROOT, dir), env: fullEnv, readyLogText });
      runs.push(current);
    },
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
    output: () => runs.map((run, i) => `--- ${name} run ${i + 1}\n${run.output()}`).join('\n'),
  };
}

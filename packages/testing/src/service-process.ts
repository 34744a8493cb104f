import { spawn, type ChildProcess } from 'node:child_process';
import { waitFor } from './wait-for';

export interface ServiceProcess {
  readonly child: ChildProcess;
  /** The ports the process reported in its start-up log line (it listens on port 0 in tests). */
  readonly port: number;
  readonly adminPort: number;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Adds the process output to a failure, so a test that times out says what the service logged. */
  explain<T>(promise: Promise<T>): Promise<T>;
  /** SIGKILL if it is still running (test cleanup). */
  kill(): void;
}

/**
 * Starts a built service as operators do (`node dist/main.js` in its workspace, configured only by
 * environment variables) and waits for the JSON log line that names its ports.
 */
export async function startServiceProcess({
  cwd,
  env,
  readyLogText,
  timeoutMs = 30_000,
}: {
  cwd: string;
  env: Record<string, string>;
  readyLogText: string;
  timeoutMs?: number;
}): Promise<ServiceProcess> {
  const chunks: string[] = [];
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const output = () => chunks.join('');
  const explain = <T>(promise: Promise<T>) =>
    promise.catch((error: Error) => {
      throw new Error(`${error.message}\n${output()}`);
    });

  const line = await explain(
    waitFor(
      () =>
        output()
          .split('\n')
          .find((entry) => entry.includes(readyLogText)),
      {
        timeoutMs,
        description: `the "${readyLogText}" log line`,
      },
    ),
  );
  const { port, adminPort } = JSON.parse(line) as { port: number; adminPort: number };
  return {
    child,
    port,
    adminPort,
    exited,
    output,
    explain,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

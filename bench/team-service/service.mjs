// Runs team-service as `node dist/main.js`, as in production, so the load generator does not share its
// event loop with the subject.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const log = (...args) => console.error('[bench/team-service]', ...args);
export { round } from './load.mjs';

/** Starts the service; resolves once its gRPC health says SERVING, with its ports and a stop(). */
export function startService(script, env, { timeoutMs = 60_000 } = {}) {
  // LOG_LEVEL=warn hides the started line, so the ports come from a one-line probe on stdout instead.
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  const keep = (line) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  readline.createInterface({ input: child.stderr }).on('line', keep);
  process.once('exit', () => child.kill('SIGKILL'));
  const stopped = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`team-service did not start:\n${tail.join('\n')}`)),
      timeoutMs,
    );
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      keep(line);
      let parsed;
      try {
        parsed = JSON.parse(line);
      } catch {
        return;
      }
      if (parsed.msg !== 'team-service started') return;
      clearTimeout(timer);
      resolve({
        port: parsed.port,
        adminPort: parsed.adminPort,
        stop: async () => {
          child.kill('SIGTERM');
          await stopped;
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`team-service exited with ${code}:\n${tail.join('\n')}`)));
  });
}

// Runs team-service as `node dist/main.js`, as in production, so the load generator does not share its
// event loop with the subject.
import { startProcess } from '../processes.mjs';

export { root } from '../processes.mjs';
export const log = (...args) => console.error('[bench/team-service]', ...args);
export { round } from './load.mjs';

/** Starts the service; resolves once it logged that it started, with its ports and a stop(). */
export async function startService(script, env, { timeoutMs = 60_000 } = {}) {
  // Its started line is at info, whatever level the caller chose.
  const { info, stop } = await startProcess(
    script,
    { ...env, LOG_LEVEL: 'info' },
    (line) => (line.msg === 'team-service started' ? line : undefined),
    { timeoutMs },
  );
  return { port: info.port, adminPort: info.adminPort, stop };
}

// Child processes for the benchmarks: each service runs as `node dist/main.js`, as in production, so the
// load generator in the bench process does not share its event loop with the subject.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The node arguments of a started process: BENCH_CPU_PROF=<dir> makes it write a V8 CPU profile there when
 * it stops; BENCH_NODE_ARGS="--trace-gc ..." adds node flags (space-separated).
 */
export function nodeArgs(script) {
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  return [...profile, ...extra, script];
}

let logFiles = 0;

/** Peak resident memory (VmHWM) per service name, in MB, of the processes stopped so far. */
const peaks = new Map();

/** `{ "peakRssMb <service>": MB }` of the processes this run started and stopped, the highest per service. */
export function peakRssMetrics() {
  return Object.fromEntries([...peaks].map(([name, mb]) => [`peakRssMb ${name}`, Math.round(mb)]));
}

/** The process's peak resident set so far (Linux /proc), in MB; undefined elsewhere. */
function readPeakRssMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const serviceName = (script) =>
  script.endsWith(`dist${path.sep}main.js`)
    ? path.basename(path.dirname(path.dirname(script)))
    : path.basename(script, path.extname(script));

/**
 * BENCH_LOG_DIR=<dir>: a file there for a started process's output (logs, --trace-gc lines), named
 * <service>-<n>.log for services/<service>/dist/main.js, else after the script. Undefined without it.
 */
export function logFile(script) {
  if (!process.env.BENCH_LOG_DIR) return undefined;
  const name = script.endsWith(`dist${path.sep}main.js`)
    ? path.basename(path.dirname(path.dirname(script)))
    : path.basename(script, path.extname(script));
  logFiles += 1;
  return path.join(process.env.BENCH_LOG_DIR, `${name}-${logFiles}.log`);
}

/** Starts `node <script>` and resolves with the first JSON stdout line `match` accepts. */
export function startProcess(script, env, match, { cwd = root, timeoutMs = 60_000 } = {}) {
  const child = spawn(process.execPath, nodeArgs(script), {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  const keep = (line) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  const log = logFile(script);
  if (log) {
    const file = createWriteStream(log);
    // --trace-gc counts milliseconds from the process's start: this line dates them.
    file.write(`${JSON.stringify({ time: new Date().toISOString(), msg: 'bench: process spawned' })}\n`);
    child.stdout.pipe(file);
    child.stderr.pipe(file);
  }
  readline.createInterface({ input: child.stderr }).on('line', keep);
  process.once('exit', () => child.kill('SIGKILL'));
  const stopped = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start in time:\n${tail.join('\n')}`)),
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
      const found = match(parsed);
      if (found !== undefined) {
        clearTimeout(timer);
        resolve({
          child,
          info: found,
          stop: async () => {
            const peak = readPeakRssMb(child.pid);
            const name = serviceName(script);
            if (peak !== undefined) peaks.set(name, Math.max(peaks.get(name) ?? 0, peak));
            child.kill('SIGTERM');
            await stopped;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${tail.join('\n')}`)));
  });
}

export async function waitUntilReady(adminPort, what) {
  for (let i = 0; i < 240; i += 1) {
    if (
      await fetch(`http://127.0.0.1:${adminPort}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not report ready`);
}

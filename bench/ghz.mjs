// gRPC load from ghz (https://ghz.sh), a Go program in its own process: the Node services measured here
// do not share an event loop, or much CPU, with the load generator. Pinned and built from the Go module
// proxy into .local/bin on first use (scripts/go-tool.mjs).
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureGoTool } from '../scripts/go-tool.mjs';

export const GHZ_VERSION = 'v0.121.0';

const ghzBinary = () =>
  ensureGoTool({ name: 'ghz', module: 'github.com/bojand/ghz/cmd/ghz', version: GHZ_VERSION });

const ms = (ns) => Math.round(ns / 1e3) / 1e3;
let reports = 0;

/**
 * Runs one ghz load and summarises it. `ratePerSec` makes it a paced load at that rate (its latencies are
 * the figure); without it, a closed loop of `concurrency` calls in flight (its throughput is the figure).
 * `data` is a JSON request, which may use ghz's templates (`{{.RequestNumber}}`, sprig functions), or an
 * array of them taken in turn. `warmupS` leaves the calls of a paced load's first seconds out.
 */
export function ghz({
  address,
  call,
  data,
  proto,
  importPaths = [],
  metadata = {},
  durationS,
  concurrency = 50,
  connections = 4,
  ratePerSec,
  warmupS = 0,
}) {
  const skipFirst = ratePerSec && warmupS > 0 ? Math.round(ratePerSec * warmupS) : 0;
  const args = [
    '--insecure',
    '--call',
    call,
    '--data',
    JSON.stringify(data),
    '--metadata',
    JSON.stringify(metadata),
    '--duration',
    `${durationS}s`,
    '--concurrency',
    String(concurrency),
    '--connections',
    String(connections),
    '--format',
    'json',
    ...(proto ? ['--proto', proto, ...importPaths.flatMap((p) => ['--import-paths', p])] : []),
    ...(proto ? [] : ['--reflect-metadata', JSON.stringify(metadata)]),
    ...(ratePerSec ? ['--rps', String(ratePerSec)] : []),
    // ghz connects while its pacer already runs: the first calls of a run wait for their connection.
    ...(skipFirst > 0 ? ['--skipFirst', String(skipFirst)] : []),
    address,
  ];
  return new Promise((resolve, reject) => {
    execFile(ghzBinary(), args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && !stdout) return reject(new Error(`ghz ${call} failed: ${stderr || error.message}`));
      // BENCH_LOG_DIR=<dir>: ghz's whole report (every call's start time and latency) is kept there too.
      if (process.env.BENCH_LOG_DIR) {
        reports += 1;
        const name = `ghz-${reports}-${call.split('.').at(-1)}${ratePerSec ? `-${ratePerSec}rps` : ''}.json`;
        writeFileSync(path.join(process.env.BENCH_LOG_DIR, name), stdout);
      }
      const report = JSON.parse(stdout);
      const at = (p) => report.latencyDistribution?.find((d) => d.percentage === p)?.latency ?? NaN;
      const ok = report.statusCodeDistribution?.OK ?? 0;
      // A timed run closes its connections under the calls still in flight: not failures of the server.
      const cutAtEnd = Math.min(
        concurrency,
        Object.entries(report.errorDistribution ?? {})
          .filter(([kind]) =>
            /closed network connection|context canceled|the client connection is closing|transport is closing/.test(
              kind,
            ),
          )
          .reduce((sum, [, count]) => sum + count, 0),
      );
      const seconds = report.total / 1e9;
      resolve({
        callsPerSec: Math.round(report.rps),
        latencyP50Ms: ms(at(50)),
        latencyP99Ms: ms(at(99)),
        calls: report.count,
        errors: report.count - ok - cutAtEnd,
        errorKinds: report.errorDistribution ?? {},
        seconds,
        ...(ratePerSec ? { achievedPerSec: Math.round((report.count + skipFirst) / seconds) } : {}),
        // Every successful call's latency in ms, so runs can be pooled (bench/team-service).
        latencies: (report.details ?? []).filter((d) => d.status === 'OK').map((d) => d.latency / 1e6),
      });
    });
  });
}

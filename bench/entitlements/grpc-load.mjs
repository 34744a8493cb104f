// A closed-loop unary load generator: `concurrency` calls in flight over `channels` connections for
// `durationS` seconds; every call's latency is kept, so percentiles are exact.
import { percentile, round } from './processes.mjs';

export async function closedLoop({ clients, invoke, concurrency, durationS, warmupS = 2 }) {
  const run = async (seconds, record) => {
    const end = Date.now() + seconds * 1000;
    const latencies = [];
    let errors = 0;
    let next = 0;
    const worker = async () => {
      while (Date.now() < end) {
        const client = clients[next++ % clients.length];
        const started = process.hrtime.bigint();
        try {
          await invoke(client);
          if (record) latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        } catch {
          errors += 1;
        }
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { latencies, errors, seconds: (Date.now() - started) / 1000 };
  };
  await run(warmupS, false);
  const { latencies, errors, seconds } = await run(durationS, true);
  latencies.sort((a, b) => a - b);
  return {
    callsPerSec: Math.round(latencies.length / seconds),
    latencyP50Ms: round(percentile(latencies, 50), 3),
    latencyP99Ms: round(percentile(latencies, 99), 3),
    calls: latencies.length,
    errors,
  };
}

/**
 * An open-loop load: calls start at a fixed rate whatever the answers do, so the latency measured is the
 * service's own, not the queueing a saturating closed loop creates.
 */
export async function openLoop({ clients, invoke, ratePerSec, durationS }) {
  const latencies = [];
  let errors = 0;
  const pending = [];
  const tickMs = 5;
  const perTick = (ratePerSec * tickMs) / 1000;
  const end = performance.now() + durationS * 1000;
  let owed = 0;
  let next = 0;
  while (performance.now() < end) {
    owed += perTick;
    for (; owed >= 1; owed -= 1) {
      const client = clients[next++ % clients.length];
      const started = performance.now();
      pending.push(
        invoke(client).then(
          () => latencies.push(performance.now() - started),
          () => (errors += 1),
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, tickMs));
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return {
    ratePerSec,
    calls: latencies.length,
    latencyP50Ms: round(percentile(latencies, 50), 3),
    latencyP99Ms: round(percentile(latencies, 99), 3),
    errors,
  };
}

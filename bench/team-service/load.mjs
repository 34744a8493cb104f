// Load generators for bench/team-service; every call's latency is kept, so percentiles are exact.

import { summary } from '../turns.mjs';

export { alternate, merge, percentile, round } from '../turns.mjs';

/** Without the raw latencies, for printing. */
export const brief = ({ latencies: _latencies, ...rest }) => rest;

/** `concurrency` workers, each starting its next call when the last returns, for `durationS` seconds. */
export async function closedLoop({ invoke, concurrency, durationS, warmupS = 0.5 }) {
  const pass = async (seconds, record) => {
    const end = Date.now() + seconds * 1000;
    const latencies = [];
    let errors = 0;
    let firstError;
    const worker = async (id) => {
      while (Date.now() < end) {
        const started = process.hrtime.bigint();
        try {
          await invoke(id);
          if (record) latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        } catch (error) {
          errors += 1;
          firstError ??= error;
        }
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: concurrency }, (_, id) => worker(id)));
    if (firstError && record) console.error('[bench/team-service] first error:', firstError.message);
    return summary(latencies, errors, (Date.now() - started) / 1000);
  };
  await pass(warmupS, false);
  return pass(durationS, true);
}

/**
 * Calls at a fixed rate whatever the answers do (open loop), so a slow answer cannot hide the queueing
 * it causes; latency runs from the scheduled start. Calls due in the first `warmupS` seconds are made
 * but left out of the figures (connections opening).
 */
export async function openLoop({ invoke, ratePerSec, durationS, warmupS = 0 }) {
  const total = Math.round(ratePerSec * durationS);
  const interval = 1000 / ratePerSec;
  const latencies = [];
  let errors = 0;
  const calls = [];
  const started = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const counted = i >= warmupS * ratePerSec;
    calls.push(
      Promise.resolve()
        .then(invoke)
        .then(
          () => counted && latencies.push(performance.now() - due),
          () => (errors += 1),
        ),
    );
  }
  await Promise.all(calls);
  const seconds = (performance.now() - started) / 1000;
  return { ...summary(latencies, errors, seconds), achievedPerSec: Math.round(total / seconds) };
}

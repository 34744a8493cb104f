// Figures shared by the benchmark suites: exact percentiles from every call's latency, summaries that can
// be pooled, and measuring a subject and its baseline in turns so both see the same neighbours.

export const percentile = (sorted, p) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
export const round = (value, digits = 2) => Number(Number(value).toFixed(digits));

export function summary(latencies, errors, seconds) {
  latencies.sort((a, b) => a - b);
  return {
    callsPerSec: Math.round(latencies.length / seconds),
    latencyP50Ms: round(percentile(latencies, 50), 3),
    latencyP99Ms: round(percentile(latencies, 99), 3),
    calls: latencies.length,
    errors,
    seconds,
    latencies,
  };
}

/** One summary of several runs (their latencies pooled, their time added up). */
export function merge(runs) {
  const latencies = runs.flatMap((r) => r.latencies);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const merged = summary(
    latencies,
    runs.reduce((sum, r) => sum + r.errors, 0),
    seconds,
  );
  if (runs.every((r) => r.achievedPerSec !== undefined)) {
    merged.achievedPerSec = Math.round(
      runs.reduce((sum, r) => sum + r.achievedPerSec * r.seconds, 0) / seconds,
    );
  }
  // What went wrong, by kind, summed over the runs (ghz reports them; a failed run names them).
  for (const [kind, count] of runs.flatMap((r) => Object.entries(r.errorKinds ?? {}))) {
    merged.errorKinds ??= {};
    merged.errorKinds[kind] = (merged.errorKinds[kind] ?? 0) + count;
  }
  return merged;
}

/**
 * Runs `subject`, its `baseline` and any further sides in turns, so all see the same neighbours on a shared
 * machine; resolves with one merged summary per side, in the order given.
 */
export async function alternate(rounds, ...sides) {
  const runs = sides.map(() => []);
  for (let i = 0; i < rounds; i += 1) {
    for (const [k, side] of sides.entries()) runs[k].push(await side(i));
  }
  return runs.map(merge);
}

import { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, total: number, counts?: Record<string, number>): void;
  stop(): void;
}

/**
 * A progress bar on stderr with counts and the time left, for people at a terminal: off under `--json` and
 * when stderr is not a terminal, unless `--progress` asks for it anyway (then it prints lines).
 */
export function createProgress({
  label,
  counts = [],
  enabled,
  forced,
}: {
  label: string;
  /** Names of the counts shown beside the bar, in order. */
  counts?: string[];
  enabled: boolean;
  forced: boolean;
}): Progress {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const extra = counts.map((name) => ` ${name} {${name}}`).join('');
  const bar = new SingleBar({
    format: `${label} [{bar}] {value}/{total}${extra} | {percentage}% | time left {eta_formatted}`,
    stream: process.stderr,
    noTTYOutput: forced,
    notTTYSchedule: 500,
    etaBuffer: 50,
    hideCursor: true,
  });
  let started = false;
  const zeros = Object.fromEntries(counts.map((name) => [name, 0]));
  return {
    update(done, total, values = {}) {
      if (!started) {
        bar.start(total, done, { ...zeros, ...values });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, values);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

import type { Logger } from '@teamseat/logger';
import type { Sweep, SweepReport } from '../../application/sweep';

export interface SweepJob {
  start(): void;
  /** Stops the timer, then the sweep (its run in progress ends after the current user). */
  stop(): Promise<void>;
  /** When the timer fires next; undefined while a run is in progress, when stopped or turned off. */
  nextRunAtMs(): number | undefined;
}

/**
 * Runs the sweep every `intervalMs` (0: never), each run timed from the end of the previous one, so runs
 * never overlap. The timer does not keep the process alive. `onRun` hears each run's report (sweep status).
 */
export function createSweepJob({
  sweep,
  intervalMs,
  logger,
  onRun,
  now = Date.now,
}: {
  sweep: Pick<Sweep, 'run' | 'stop'>;
  intervalMs: number;
  logger: Logger;
  onRun?: (startedAtMs: number, finishedAtMs: number, report: SweepReport) => Promise<void>;
  now?: () => number;
}): SweepJob {
  const log = logger.child({ module: 'sweep' });
  let timer: NodeJS.Timeout | undefined;
  let nextRunAtMs: number | undefined;
  let stopped = false;

  async function runOnce(): Promise<void> {
    const startedAtMs = now();
    const report = await sweep.run();
    await onRun?.(startedAtMs, now(), report);
  }

  function schedule(): void {
    nextRunAtMs = now() + intervalMs;
    timer = setTimeout(() => {
      nextRunAtMs = undefined;
      void runOnce()
        .catch((error: unknown) => log.warn({ err: error }, 'sweep run failed'))
        .finally(() => {
          if (!stopped) schedule();
        });
    }, intervalMs);
    timer.unref();
  }

  return {
    start() {
      if (intervalMs > 0) schedule();
    },
    async stop() {
      stopped = true;
      nextRunAtMs = undefined;
      clearTimeout(timer);
      await sweep.stop();
    },
    nextRunAtMs: () => nextRunAtMs,
  };
}

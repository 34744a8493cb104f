import type { Logger } from '@teamseat/logger';
import type { Sweep } from '../../application/sweep';

export interface SweepJob {
  start(): void;
  /** Stops the timer, then the sweep (its run in progress ends after the current user). */
  stop(): Promise<void>;
}

/**
 * Runs the sweep every `intervalMs` (0: never), each run timed from the end of the previous one, so runs
 * never overlap. The timer does not keep the process alive.
 */
export function createSweepJob({
  sweep,
  intervalMs,
  logger,
}: {
  sweep: Pick<Sweep, 'run' | 'stop'>;
  intervalMs: number;
  logger: Logger;
}): SweepJob {
  const log = logger.child({ module: 'sweep' });
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function schedule(): void {
    timer = setTimeout(() => {
      void sweep
        .run()
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
      clearTimeout(timer);
      await sweep.stop();
    },
  };
}

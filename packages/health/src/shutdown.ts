import type { Logger } from '@teamseat/logger';

export type ShutdownStep = { name: string; run: () => Promise<void> | void };

/**
 * Runs the shutdown steps in order on SIGTERM or SIGINT (STYLE §7): each step is awaited, a failing step is
 * logged and the rest still run, and a hard timeout ends the process if something hangs.
 */
export function onShutdownSignal({
  logger,
  steps,
  timeoutMs,
  exit = (code: number) => process.exit(code),
}: {
  logger: Logger;
  steps: ShutdownStep[];
  timeoutMs: number;
  exit?: (code: number) => void;
}): () => Promise<void> {
  let started: Promise<void> | undefined;

  async function shutdown(): Promise<void> {
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out; exiting');
      exit(1);
    }, timeoutMs);
    timer.unref();
    let failed = false;
    for (const step of steps) {
      try {
        await step.run();
        logger.info({ step: step.name }, 'shutdown step done');
      } catch (error) {
        failed = true;
        logger.error({ step: step.name, err: error }, 'shutdown step failed');
      }
    }
    clearTimeout(timer);
    logger.info('shutdown complete');
    exit(failed ? 1 : 0);
  }

  const trigger = (signal: string) => {
    logger.info({ signal }, 'shutdown requested');
    started ??= shutdown();
    return started;
  };
  // `on`, not `once`: a second signal (Ctrl-C reaches the whole process group, then a supervisor sends
  // SIGTERM too) must not fall through to the default action and kill a shutdown half-way.
  process.on('SIGTERM', () => void trigger('SIGTERM'));
  process.on('SIGINT', () => void trigger('SIGINT'));
  return () => trigger('manual');
}

import type { Logger } from '@teamseat/logger';

export type ShutdownStep = { name: string; run: () => Promise<void> | void };

export interface ShutdownOutcome {
  /** Names of the steps that failed, in order. */
  failed: string[];
  /** The hard timeout passed before every step had run; the running step and the rest were left behind. */
  timedOut: boolean;
}

/**
 * The one shutdown loop of every service and the emulator (STYLE §7): runs the steps in order, each awaited;
 * a failing step is logged with its name and the later steps still run. Resolves once every step has run or
 * the hard timeout has passed, whichever comes first.
 */
export async function runShutdownSteps({
  logger,
  steps,
  timeoutMs,
}: {
  logger: Logger;
  steps: readonly ShutdownStep[];
  timeoutMs: number;
}): Promise<ShutdownOutcome> {
  const failed: string[] = [];
  let running: string | undefined;
  const allSteps = (async (): Promise<ShutdownOutcome> => {
    for (const step of steps) {
      running = step.name;
      try {
        await step.run();
        logger.info({ step: step.name }, 'shutdown step done');
      } catch (error) {
        failed.push(step.name);
        logger.error({ step: step.name, err: error }, 'shutdown step failed');
      }
    }
    return { failed, timedOut: false };
  })();
  let timer: NodeJS.Timeout | undefined;
  const hardTimeout = new Promise<ShutdownOutcome>((resolve) => {
    timer = setTimeout(() => {
      logger.error({ timeoutMs, step: running }, 'shutdown timed out; leaving the rest');
      resolve({ failed: [...failed], timedOut: true });
    }, timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([allSteps, hardTimeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs the shutdown steps (runShutdownSteps) on SIGTERM or SIGINT, then exits: 0 when every step succeeded,
 * 1 when one failed or the hard timeout ended the wait.
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
    const { failed, timedOut } = await runShutdownSteps({ logger, steps, timeoutMs });
    if (!timedOut) logger.info({ failed }, 'shutdown complete');
    exit(timedOut || failed.length > 0 ? 1 : 0);
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

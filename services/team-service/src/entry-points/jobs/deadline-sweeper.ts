import type { Logger } from '@teamseat/logger';
import type { TeamCommands } from '../../application/team-commands';

export interface DeadlineSweeper {
  start(): void;
  stop(): Promise<void>;
  /** One pass now; resolves with the number of teams changed (tests). */
  sweep(): Promise<number>;
}

/**
 * Time-triggered work: expires overdue invites (their seats come free) and applies the admin-choice
 * fallback once its deadline passed. The database cannot do it (FerretDB has no TTL indexes), and
 * decisions that count seats expire overdue invites themselves, so a slow interval is enough.
 */
export function createDeadlineSweeper({
  commands,
  teamsDueBefore,
  now,
  logger,
  intervalMs,
  batchSize = 200,
}: {
  commands: Pick<TeamCommands, 'runDeadlines'>;
  teamsDueBefore: (at: Date, limit: number) => Promise<string[]>;
  now: () => Date;
  logger: Logger;
  intervalMs: number;
  batchSize?: number;
}): DeadlineSweeper {
  const log = logger.child({ module: 'deadline-sweeper' });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;

  async function sweepOnce(): Promise<number> {
    let changed = 0;
    for (const teamId of await teamsDueBefore(now(), batchSize)) {
      try {
        const outcome = await commands.runDeadlines(teamId);
        if (outcome.changed) changed += 1;
      } catch (error) {
        log.warn({ err: error, teamId }, 'deadline sweep of a team failed; next pass retries');
      }
    }
    if (changed > 0) log.info({ changed }, 'deadlines applied');
    return changed;
  }

  function sweep(): Promise<number> {
    running ??= sweepOnce().finally(() => (running = undefined));
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void sweep()
        .catch((error: unknown) => log.warn({ err: error }, 'deadline sweep failed'))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  return {
    sweep,
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}

import { toAppError } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import type { CustomerSync } from './customer-sync';
import type {
  CustomerRepository,
  LeaseRepository,
  ProcessedEventRepository,
  RetryQueueRepository,
} from './ports';
import type { UserReconciler } from './user-reconciler';

export interface SweepSettings {
  /** How often the job runs the sweep; the lease lasts two intervals (at least a minute). */
  intervalMs: number;
  /** Users handled per run; each costs RevenueCat calls. */
  batch: number;
  /** Customers not synced for this long are fetched again. */
  resyncAfterMs: number;
  processedEventsRetentionMs: number;
  /** Skip a run while this many RevenueCat calls are already waiting: live traffic comes first. */
  maxQueuedCalls: number;
}

export interface SweepReport {
  skipped?: string;
  grantsRetried: number;
  teamsChecked: number;
  customersResynced: number;
  failures: number;
}

/**
 * The self-healing sweep (DESIGN §4.10): retries grants whose last attempt failed, re-derives the teams of
 * subscribers whose period just ended (a missed RENEWAL or EXPIRATION), and re-fetches customers not synced
 * for a while (a missed INITIAL_PURCHASE). Rate-aware: it works through users one at a time, so it holds at
 * most one slot of the shared limiter, and it skips a run while live work is queued. One replica at a time
 * (a lease). Its timer is entry-points/jobs/sweep-job.ts.
 */
export function createSweep(deps: {
  customers: CustomerRepository;
  retries: RetryQueueRepository;
  processed: ProcessedEventRepository;
  leases: LeaseRepository;
  sync: CustomerSync;
  reconciler: UserReconciler;
  revenueCatNow: () => number;
  queuedCalls: () => number;
  instanceId: string;
  settings: SweepSettings;
  logger: Logger;
  /** Wall clock (tests move it). */
  now: () => number;
}) {
  const { customers, retries, processed, leases, sync, reconciler, settings, now } = deps;
  const log = deps.logger.child({ module: 'sweep' });
  let running: Promise<SweepReport> | undefined;
  let stopped = false;

  async function each(users: string[], work: (userId: string) => Promise<unknown>, report: SweepReport) {
    for (const userId of users) {
      if (stopped) return;
      try {
        await work(userId);
      } catch (error) {
        report.failures += 1;
        log.warn({ err: toAppError(error), userId }, 'sweep could not heal a user; next run retries');
      }
    }
  }

  async function runOnce(): Promise<SweepReport> {
    const report: SweepReport = { grantsRetried: 0, teamsChecked: 0, customersResynced: 0, failures: 0 };
    if (deps.queuedCalls() > settings.maxQueuedCalls)
      return { ...report, skipped: 'RevenueCat calls queued' };
    if (!(await leases.acquire('sweep', deps.instanceId, Math.max(settings.intervalMs * 2, 60_000)))) {
      return { ...report, skipped: 'another replica holds the lease' };
    }
    let budget = settings.batch;
    const cause = { cause: 'reconcile' as const, causationId: 'sweep' };

    const due = await retries.due(now(), budget);
    await each(due, (userId) => reconciler.reconcile(userId, cause), report);
    report.grantsRetried = due.length;
    budget -= due.length;

    const teams = budget > 0 ? await customers.teamChecksDue(deps.revenueCatNow(), budget) : [];
    await each(teams, (userId) => sync.sync(userId, { ...cause, applyTeams: true }), report);
    report.teamsChecked = teams.length;
    budget -= teams.length;

    const stale =
      budget > 0 ? await customers.staleSince(new Date(now() - settings.resyncAfterMs), budget) : [];
    await each(
      stale,
      async (userId) => {
        await sync.sync(userId, { ...cause, applyTeams: true });
        await reconciler.reconcile(userId, cause);
      },
      report,
    );
    report.customersResynced = stale.length;

    await processed.deleteOlderThan(new Date(now() - settings.processedEventsRetentionMs));
    if (due.length + teams.length + stale.length > 0) log.info(report, 'sweep run done');
    return report;
  }

  return {
    /** One run (entry-points/jobs/sweep-job.ts calls it on a timer; tests call it). Concurrent calls share a run. */
    run(): Promise<SweepReport> {
      running ??= runOnce().finally(() => {
        running = undefined;
      });
      return running;
    },
    /** Ends the run in progress after its current user, waits for it and gives the lease up. */
    async stop() {
      stopped = true;
      await running?.catch(() => undefined);
      await leases.release('sweep', deps.instanceId).catch(() => undefined);
    },
  };
}

export type Sweep = ReturnType<typeof createSweep>;

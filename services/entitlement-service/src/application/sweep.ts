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
  /** How often the job runs the sweep. */
  intervalMs: number;
  /** How long the lease lasts unless renewed; a running sweep renews it every third of this (ADR 0021). */
  leaseMs: number;
  /** Users handled per run; each costs RevenueCat calls. */
  batch: number;
  /** Customers not synced for this long are fetched again. */
  resyncAfterMs: number;
  processedEventsRetentionMs: number;
  /** Skip a run while this many RevenueCat calls are already waiting: live traffic comes first. */
  maxQueuedCalls: number;
}

interface HeldLease {
  held(): boolean;
  stop(): void;
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

  async function each(
    users: string[],
    work: (userId: string) => Promise<unknown>,
    report: SweepReport,
    lease: HeldLease,
  ): Promise<number> {
    let handled = 0;
    for (const userId of users) {
      if (stopped || !lease.held()) break;
      handled += 1;
      try {
        await work(userId);
      } catch (error) {
        report.failures += 1;
        log.warn({ err: toAppError(error), userId }, 'sweep could not heal a user; next run retries');
      }
    }
    return handled;
  }

  async function runOnce(): Promise<SweepReport> {
    const report: SweepReport = { grantsRetried: 0, teamsChecked: 0, customersResynced: 0, failures: 0 };
    if (deps.queuedCalls() > settings.maxQueuedCalls)
      return { ...report, skipped: 'RevenueCat calls queued' };
    const lease = await holdLease();
    if (!lease) return { ...report, skipped: 'another replica holds the lease' };
    try {
      return await sweepWhileHeld(report, lease);
    } finally {
      lease.stop();
    }
  }

  /**
   * Takes the lease and renews it every third of its length while the run lasts, so one sweeper runs at a
   * time across replicas however long a run takes. `held()` turns false once a renewal failed or the lease
   * could have lapsed unrenewed (the database unreachable): the run then stops after its current user.
   */
  async function holdLease(): Promise<HeldLease | undefined> {
    const ttlMs = settings.leaseMs;
    const started = now();
    if (!(await leases.acquire('sweep', deps.instanceId, ttlMs))) return undefined;
    let heldUntil = started + ttlMs;
    const renew = async () => {
      const at = now();
      try {
        heldUntil = (await leases.acquire('sweep', deps.instanceId, ttlMs)) ? at + ttlMs : 0;
      } catch (error) {
        log.warn({ err: toAppError(error) }, 'sweep lease not renewed; the run stops if it lapses');
      }
      if (heldUntil === 0) log.warn('sweep lease lost to another replica; the run stops');
    };
    const timer = setInterval(() => void renew(), Math.max(1, Math.floor(ttlMs / 3)));
    timer.unref();
    return { held: () => now() < heldUntil, stop: () => clearInterval(timer) };
  }

  async function sweepWhileHeld(report: SweepReport, lease: HeldLease): Promise<SweepReport> {
    let budget = settings.batch;
    const cause = { cause: 'reconcile' as const, causationId: 'sweep' };

    const due = await retries.due(now(), budget);
    report.grantsRetried = await each(due, (userId) => reconciler.reconcile(userId, cause), report, lease);
    budget -= due.length;

    const teams = budget > 0 ? await customers.teamChecksDue(deps.revenueCatNow(), budget) : [];
    report.teamsChecked = await each(
      teams,
      (userId) => sync.sync(userId, { ...cause, applyTeams: true }),
      report,
      lease,
    );
    budget -= teams.length;

    const stale =
      budget > 0 ? await customers.staleSince(new Date(now() - settings.resyncAfterMs), budget) : [];
    report.customersResynced = await each(
      stale,
      async (userId) => {
        await sync.sync(userId, { ...cause, applyTeams: true });
        await reconciler.reconcile(userId, cause);
      },
      report,
      lease,
    );

    if (!lease.held()) report.skipped = 'lease lost during the run';
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

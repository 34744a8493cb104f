import { toAppError } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import type { LeaseRepository, SweepRunRecord, SweepRunRepository } from './ports';
import type { SweepReport } from './sweep';

export interface SweepStatus {
  enabled: boolean;
  intervalMs: number;
  /** Any replica's last run that held the lease. */
  lastRun: SweepRunRecord | undefined;
  lease: { holder: string; untilMs: number } | undefined;
  /** This replica's timer. */
  nextRunAtMs: number | undefined;
  /** This replica's last attempt, and why it did nothing when it skipped. */
  lastAttempt: { atMs: number; skipped: string | undefined } | undefined;
  instanceId: string;
}

/** Reports skipped for these reasons did no work: they leave the last run as it was. */
const DID_NOTHING = ['RevenueCat calls queued', 'another replica holds the lease'];

/**
 * What the sweep last did and when it runs next (GetSweepStatus, `teamseat sweep status`; ADR 0034). A run
 * that held the lease is written to the database, so any replica can tell; the attempt and the timer are
 * this replica's own.
 */
export function createSweepStatus(deps: {
  runs: SweepRunRepository;
  leases: LeaseRepository;
  instanceId: string;
  intervalMs: number;
  nextRunAtMs: () => number | undefined;
  logger: Logger;
}) {
  const log = deps.logger.child({ module: 'sweep' });
  let lastAttempt: SweepStatus['lastAttempt'];

  return {
    /** Called by the sweep job after each run; a failed write only costs the status its freshness. */
    async recorded(startedAtMs: number, finishedAtMs: number, report: SweepReport): Promise<void> {
      lastAttempt = { atMs: startedAtMs, skipped: report.skipped };
      if (report.skipped !== undefined && DID_NOTHING.includes(report.skipped)) return;
      const { grantsRetried, teamsChecked, customersResynced, failures, skipped } = report;
      const run: SweepRunRecord = {
        instanceId: deps.instanceId,
        startedAtMs,
        finishedAtMs,
        grantsRetried,
        teamsChecked,
        customersResynced,
        failures,
        ...(skipped === undefined ? {} : { stoppedEarly: skipped }),
      };
      await deps.runs.record(run).catch((error: unknown) => {
        log.warn({ err: toAppError(error) }, 'sweep run not recorded; sweep status shows an older one');
      });
    },

    async status(): Promise<SweepStatus> {
      const [lastRun, lease] = await Promise.all([deps.runs.last(), deps.leases.read('sweep')]);
      return {
        enabled: deps.intervalMs > 0,
        intervalMs: deps.intervalMs,
        lastRun,
        lease,
        nextRunAtMs: deps.nextRunAtMs(),
        lastAttempt,
        instanceId: deps.instanceId,
      };
    },
  };
}

export type SweepStatusReader = ReturnType<typeof createSweepStatus>;

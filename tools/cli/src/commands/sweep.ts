import type { Command } from 'commander';
import type { GetSweepStatusResponse__Output } from '@teamseat/grpc';
import { withJson, type CliContext } from '../context';
import { fields, when } from '../output';

export function registerSweep(program: Command, context: CliContext): void {
  const sweep = program.command('sweep').description("entitlement-service's periodic self-healing sweep");
  withJson(
    sweep
      .command('status')
      .description('what the sweep last did, who holds its lease, and when it runs next'),
  ).action(async (options: { json?: boolean }) => {
    const status = await context
      .services()
      .entitlements.call<GetSweepStatusResponse__Output>((c, o, cb) => c.GetSweepStatus({}, o, cb));
    context.output.emit(options, status, (s) => {
      const run = s.lastRun;
      return fields([
        ['enabled', s.enabled ? `yes, every ${s.intervalMs / 1000} s` : 'no (SWEEP_INTERVAL_MS=0)'],
        [
          'last run',
          run
            ? `${when(run.startedAt)} to ${when(run.finishedAt)} on ${run.instanceId}${run.stoppedEarly ? ` (stopped early: ${run.stoppedEarly})` : ''}`
            : 'never',
        ],
        [
          'last run did',
          run
            ? `${run.grantsRetried} grants retried, ${run.teamsChecked} teams checked, ${run.customersResynced} customers resynced, ${run.failures} failures`
            : '-',
        ],
        ['lease', s.leaseHolder ? `${s.leaseHolder} until ${when(s.leaseUntil)}` : 'free'],
        ['answered by', s.instanceId],
        [
          'its last attempt',
          s.lastAttemptAt
            ? `${when(s.lastAttemptAt)}${s.lastAttemptSkipped ? ` (skipped: ${s.lastAttemptSkipped})` : ''}`
            : '-',
        ],
        ['its next run', s.nextRunAt ? when(s.nextRunAt) : s.enabled ? 'running now' : '-'],
      ]);
    });
  });
}

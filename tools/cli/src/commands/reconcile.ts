import type { Command } from 'commander';
import type {
  ReconcileProgress__Output,
  ReconcileTeamResponse__Output,
  ReconcileTeamWithProgressResponse__Output,
} from '@teamseat/grpc';
import { withJson, type CliContext } from '../context';
import { CliError, grpcFailure } from '../errors';
import { enumText, fields, table, when } from '../output';
import { createProgress } from '../progress';

/**
 * Streams ReconcileTeamWithProgress (ADR 0034): no deadline (a large roster takes minutes at RevenueCat's
 * rate); Ctrl-C cancels the call and the service stops after the members in flight.
 */
function reconcile(
  context: CliContext,
  teamId: string,
  onProgress: (progress: ReconcileProgress__Output) => void,
): Promise<ReconcileTeamResponse__Output> {
  const { entitlements } = context.services();
  return new Promise((resolve, reject) => {
    const call = entitlements.client().ReconcileTeamWithProgress({ teamId, actorUserId: 'teamseat-cli' });
    let result: ReconcileTeamResponse__Output | undefined;
    let cancelled = false;
    const cancel = () => {
      cancelled = true;
      call.cancel();
    };
    process.once('SIGINT', cancel);
    call.on('data', (message: ReconcileTeamWithProgressResponse__Output) => {
      if (message.progress) onProgress(message.progress);
      if (message.result) result = message.result;
    });
    call.on('error', (error) => {
      process.off('SIGINT', cancel);
      reject(
        cancelled
          ? new CliError(
              `reconcile ${teamId} cancelled: members done so far stay repaired; run it again to finish`,
            )
          : grpcFailure(error, entitlements.target),
      );
    });
    call.on('end', () => {
      process.off('SIGINT', cancel);
      if (result) resolve(result);
      else reject(new Error(`${entitlements.target.name} ended the reconciliation without a result`));
    });
  });
}

export function registerReconcile(program: Command, context: CliContext): void {
  withJson(
    program
      .command('reconcile')
      .description("re-derive every member's grants of a team and repair the differences now, with progress")
      .argument('<team-id>', 'team id')
      .option('--progress', 'draw the progress bar even when stderr is not a terminal'),
  ).action(async (teamId: string, options: { json?: boolean; progress?: boolean }) => {
    const bar = createProgress({
      label: `reconciling ${teamId}`,
      counts: ['granted', 'revoked', 'failed'],
      enabled: options.progress === true || (context.interactive && !options.json),
      forced: options.progress === true,
    });
    let result: ReconcileTeamResponse__Output;
    try {
      result = await reconcile(context, teamId, ({ done, total, granted, revoked, failed }) =>
        bar.update(done, total, { granted, revoked, failed }),
      );
    } finally {
      bar.stop();
    }
    context.output.emit(options, result, (r) => {
      const report = r.report;
      const behind = (report?.grants ?? []).filter(
        (g) => g.state !== 'GRANT_STATE_IN_SYNC' && g.state !== 'GRANT_STATE_REVOKED',
      );
      return [
        fields([
          ['team', report?.teamId ?? teamId],
          ['status', report?.teamStatus ?? '-'],
          ['members', report?.totalMembers ?? 0],
          ['granted', r.granted],
          ['revoked', r.revoked],
          ['failed', r.failed],
          ['out of sync now (first page)', report?.outOfSync ?? 0],
        ]),
        behind.length === 0
          ? 'every grant on the first page is in sync'
          : table(
              ['user', 'entitlement', 'state', 'attempts', 'last error', 'next attempt'],
              behind.map((g) => [
                g.userId,
                g.entitlement,
                enumText(g.state, 'GRANT_STATE_'),
                g.attempts,
                g.lastError || '-',
                when(g.nextAttemptAt),
              ]),
            ),
      ].join('\n');
    });
  });
}

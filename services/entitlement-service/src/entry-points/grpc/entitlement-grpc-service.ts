import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { requireUserId } from '@teamseat/contracts';
import { AppError, invalidArgument, toAppError } from '@teamseat/errors';
import {
  decodePageToken,
  encodePageToken,
  grpcErrorOf,
  unary,
  type ReconcileTeamWithProgressRequest__Output,
  type ReconcileTeamWithProgressResponse,
  type EntitlementServiceHandlers,
  type WatchEntitlementChangesRequest__Output,
  type WatchEntitlementChangesResponse,
} from '@teamseat/grpc';
import type { Logger } from '@teamseat/logger';
import type { AccessQueries } from '../../application/access-queries';
import type { ChangeHub } from '../../application/change-hub';
import type { CustomerSync } from '../../application/customer-sync';
import type { MemberAccessQuery } from '../../application/member-access';
import type { SweepStatusReader } from '../../application/sweep-status';
import type { TeamAccessReports } from '../../application/team-access-report';
import { TEAM_SERVICE_UNAVAILABLE } from '../../application/ports';
import type { UserReconciler } from '../../application/user-reconciler';
import { memberAccess as mapMemberAccess } from './member-access-mapping';
import * as map from './proto-mapping';

const MAX_ID_LENGTH = 1_500;

/** Team ids and entitlement identifiers; user ids follow the shared rule (requireUserId, ADR 0015). */
function requireId(field: string, value: string): string {
  if (value.trim().length === 0) throw invalidArgument(field, 'must not be empty');
  if (value.length > MAX_ID_LENGTH)
    throw invalidArgument(field, `must be at most ${MAX_ID_LENGTH} characters`);
  return value;
}

/** A team version (int64 on the wire, a string or a number here): 0 when absent. */
function teamVersionOf(field: string, value: string | number | undefined): number {
  const version = Number(value ?? 0);
  if (!Number.isSafeInteger(version) || version < 0)
    throw invalidArgument(field, 'must be a non-negative integer');
  return version;
}

/** ReconcileTeamWithProgress sends progress at most this often (and always at the start and the end). */
const PROGRESS_EVERY_MS = 250;

const DEFAULT_REPORT_PAGE = 500;
const MAX_REPORT_PAGE = 1_000;

/** Members per report page: 0 means the default, above the maximum is clamped, negative is refused. */
function reportPageSizeOf(value: number | undefined): number {
  const size = value ?? 0;
  if (!Number.isInteger(size) || size < 0) throw invalidArgument('page_size', 'must be a positive integer');
  return size === 0 ? DEFAULT_REPORT_PAGE : Math.min(size, MAX_REPORT_PAGE);
}

/**
 * teamseat.entitlement.v1.EntitlementService: each handler validates, calls a use case and maps back.
 * Errors are AppErrors mapped once by `unary` (status, reason trailer, google.rpc.ErrorInfo).
 */
export function createEntitlementGrpcService(deps: {
  access: AccessQueries;
  sync: CustomerSync;
  reconciler: UserReconciler;
  reports: TeamAccessReports;
  members: MemberAccessQuery;
  sweepStatus: SweepStatusReader;
  hub: ChangeHub;
  now: () => number;
  logger: Logger;
}): EntitlementServiceHandlers {
  const { access, sync, reconciler, reports, members, sweepStatus, hub, now } = deps;

  return {
    CheckAccess: unary(async (request) => {
      const answer = await access.checkAccess(
        requireUserId('user_id', request.userId),
        requireId('entitlement', request.entitlement),
      );
      return {
        ...map.accessFields(answer, now()),
        syncedAt: answer.syncedAt ? map.timestamp(answer.syncedAt.getTime()) : null,
      };
    }),

    ListEntitlements: unary(async (request) => {
      const { entitlements, syncedAt } = await access.listEntitlements(
        requireUserId('user_id', request.userId),
        request.includeInactive,
      );
      const nowMs = now();
      return {
        entitlements: entitlements.map((e) => map.entitlement(e, nowMs)),
        syncedAt: syncedAt ? map.timestamp(syncedAt.getTime()) : null,
      };
    }),

    SyncCustomer: unary(async (request, { signal }) => {
      const userId = requireUserId('user_id', request.userId);
      let result;
      try {
        result = await sync.sync(userId, {
          cause: 'sync',
          applyTeams: true,
          reuseFreshSnapshot: !request.force,
          // An app waits for this read: its own lane and share of the rate, dropped if the app gives up.
          call: { priority: 'on-demand', signal },
        });
        // Login is also the moment to heal the user's own seat grants (a missed team event).
        await reconciler.reconcile(userId, { cause: 'sync' });
      } catch (error) {
        const appError = toAppError(error);
        if (appError.reason === TEAM_SERVICE_UNAVAILABLE) {
          throw new AppError(
            'UNAVAILABLE',
            `${appError.message} (the snapshot was stored; retry for the team part)`,
            {
              reason: TEAM_SERVICE_UNAVAILABLE,
              retriable: true,
              cause: appError,
            },
          );
        }
        throw error; // as thrown: an unknown error must reach `unary` unknown, to answer only "internal error"
      }
      const answer = await access.listEntitlements(userId, true);
      const nowMs = now();
      return {
        entitlements: answer.entitlements.map((e) => map.entitlement(e, nowMs)),
        syncedAt: map.timestamp(result.subscriber?.requestDateMs),
        changedEntitlements: result.changed,
        teamIds: result.teamIds,
        servedFromSnapshot: result.snapshotAgeMs !== undefined,
        snapshotAgeMs: Math.round(result.snapshotAgeMs ?? 0),
      };
    }),

    GetTeamAccessReport: unary(async (request) => {
      const teamId = requireId('team_id', request.teamId);
      const size = reportPageSizeOf(request.pageSize);
      const cursor = decodePageToken<{ after: string }>(request.pageToken ?? '', teamId, { after: 'string' });
      const page = await reports.report(teamId, { size, after: cursor?.after ?? null });
      const next = page.nextAfter === null ? '' : encodePageToken(teamId, { after: page.nextAfter });
      return { report: map.report(page, next) };
    }),

    ReconcileTeam: unary(async (request) =>
      map.reconcileResult(await reports.reconcileTeam(requireId('team_id', request.teamId))),
    ),

    ReconcileTeamWithProgress(
      call: ServerWritableStream<ReconcileTeamWithProgressRequest__Output, ReconcileTeamWithProgressResponse>,
    ) {
      const cancelled = new AbortController();
      call.on('cancelled', () => cancelled.abort());
      let lastSentMs = 0;
      const onProgress = (progress: map.Progress) => {
        // The first and the last member always; in between at most every PROGRESS_EVERY_MS.
        const edge = progress.done === 0 || progress.done === progress.total;
        if (!edge && Date.now() - lastSentMs < PROGRESS_EVERY_MS) return;
        lastSentMs = Date.now();
        call.write({ progress });
      };
      Promise.resolve()
        .then(() => requireId('team_id', call.request.teamId))
        .then((teamId) => reports.reconcileTeam(teamId, { onProgress, signal: cancelled.signal }))
        .then(
          (result) => {
            call.write({ result: map.reconcileResult(result) });
            call.end();
          },
          (error: unknown) => {
            if (cancelled.signal.aborted) return;
            call.emit('error', grpcErrorOf(error)); // grpc-js ends a server stream with this status
          },
        );
    },

    GetMemberAccess: unary(async (request) => {
      const teamId = requireId('team_id', request.teamId);
      const userId = requireUserId('user_id', request.userId);
      const minTeamVersion = teamVersionOf('min_team_version', request.minTeamVersion);
      return mapMemberAccess(await members.memberAccess(teamId, userId, minTeamVersion), now());
    }),

    GetSweepStatus: unary(async () => map.sweepStatus(await sweepStatus.status())),

    WatchEntitlementChanges(
      call: ServerWritableStream<WatchEntitlementChangesRequest__Output, WatchEntitlementChangesResponse>,
    ) {
      let teamId: string | undefined;
      try {
        teamId = call.request.teamId ? requireId('team_id', call.request.teamId) : undefined;
      } catch (error) {
        call.emit('error', grpcErrorOf(error));
        return;
      }
      const filter = {
        userIds: new Set(call.request.userIds),
        entitlements: new Set(call.request.entitlements),
        teamId,
      };
      const unsubscribe = hub.subscribe(
        filter,
        (event) => void call.write({ change: map.change(event) }),
        () =>
          call.destroy(
            Object.assign(new Error('server shutting down; reconnect'), { code: status.UNAVAILABLE }),
          ),
      );
      call.on('cancelled', unsubscribe);
      call.on('close', unsubscribe);
      call.on('error', unsubscribe);
    },
  };
}

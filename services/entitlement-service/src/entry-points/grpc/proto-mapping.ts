import type { EntitlementChange as ChangeEvent } from '@teamseat/contracts';
import {
  toTimestamp,
  type AccessSource,
  type Entitlement,
  type EntitlementChange,
  type Expiry as ProtoExpiry,
  type GetSweepStatusResponse,
  type MemberGrant,
  type ReconcileTeamResponse,
  type TeamAccessReport,
} from '@teamseat/grpc';
import type { SweepStatus } from '../../application/sweep-status';
import type {
  TeamAccessReport as DomainReport,
  ReconcileProgress,
  ReconcileTeamResult,
} from '../../application/team-access-report';

export type Progress = ReconcileProgress;
import type { AccessSource as DomainSource, EntitlementAccess } from '../../domain/access';
import { isLifetime, type Expiry } from '../../domain/expiry';
import type { GrantState } from '../../domain/grant-record';

export const timestamp = (ms: number | undefined) => (ms === undefined ? null : toTimestamp(ms));

export function expiry(value: Expiry | undefined): ProtoExpiry | null {
  if (value === undefined) return null;
  return isLifetime(value) ? { lifetime: true } : { at: toTimestamp(value) };
}

const KIND = {
  store: 'SOURCE_KIND_STORE',
  'team-grant': 'SOURCE_KIND_TEAM_GRANT',
  'promotional-other': 'SOURCE_KIND_PROMOTIONAL_OTHER',
} as const;

export function accessSource(source: DomainSource | undefined): AccessSource {
  if (!source) return { kind: 'SOURCE_KIND_NONE' };
  return {
    kind: KIND[source.kind],
    teamId: source.teamIds[0] ?? '',
    productId: source.productId ?? '',
    expires: expiry(source.expiresAt),
  };
}

/** The shape shared by CheckAccessResponse and Entitlement. */
export function accessFields(access: EntitlementAccess, nowMs: number) {
  const lifetime = access.active && isLifetime(access.expiresAt);
  const active = access.sources.filter((source) => source.expiresAt > nowMs);
  return {
    active: access.active,
    expiresAt: access.expiresAt === undefined || lifetime ? null : toTimestamp(access.expiresAt),
    lifetime,
    source: access.active ? accessSource(access.sources[0]) : { kind: 'SOURCE_KIND_NONE' as const },
    sources: active.map(accessSource),
  };
}

export function entitlement(access: EntitlementAccess, nowMs: number): Entitlement {
  return { entitlement: access.entitlement, ...accessFields(access, nowMs) };
}

const STATE: Record<GrantState, NonNullable<MemberGrant['state']>> = {
  'in-sync': 'GRANT_STATE_IN_SYNC',
  'grant-pending': 'GRANT_STATE_GRANT_PENDING',
  'revoke-pending': 'GRANT_STATE_REVOKE_PENDING',
  failed: 'GRANT_STATE_FAILED',
  revoked: 'GRANT_STATE_REVOKED',
};

export function report(domain: DomainReport, nextPageToken = ''): TeamAccessReport {
  const grants: MemberGrant[] = domain.grants.map((row) => ({
    userId: row.userId,
    entitlement: row.entitlement,
    state: STATE[row.state],
    desired: expiry(row.desired),
    confirmed: expiry(row.confirmed),
    confirmedAt: timestamp(row.confirmedAtMs),
    attempts: row.attempts,
    lastError: row.lastError ?? '',
    lastAttemptAt: timestamp(row.lastAttemptAtMs),
    nextAttemptAt: timestamp(row.nextAttemptAtMs),
    otherTeamIds: row.otherTeamIds,
    otherPromotional: expiry(row.otherPromotional),
    store: expiry(row.store),
  }));
  const { team } = domain;
  return {
    teamId: team.teamId,
    ownerUserId: team.ownerUserId,
    productId: team.productId,
    teamStatus: team.status,
    periodEndsAt: isLifetime(team.periodEndsAt) ? null : toTimestamp(team.periodEndsAt),
    grants,
    outOfSync: domain.outOfSync,
    generatedAt: toTimestamp(domain.generatedAtMs),
    nextPageToken,
    totalMembers: domain.totalMembers,
  };
}

export const reconcileResult = (result: ReconcileTeamResult): ReconcileTeamResponse => ({
  report: report(result.report),
  granted: result.granted,
  revoked: result.revoked,
  failed: result.failed,
});

export function sweepStatus(status: SweepStatus): GetSweepStatusResponse {
  const run = status.lastRun;
  return {
    enabled: status.enabled,
    intervalMs: status.intervalMs,
    lastRun: run
      ? {
          instanceId: run.instanceId,
          startedAt: toTimestamp(run.startedAtMs),
          finishedAt: toTimestamp(run.finishedAtMs),
          grantsRetried: run.grantsRetried,
          teamsChecked: run.teamsChecked,
          customersResynced: run.customersResynced,
          failures: run.failures,
          stoppedEarly: run.stoppedEarly ?? '',
        }
      : null,
    leaseHolder: status.lease?.holder ?? '',
    leaseUntil: timestamp(status.lease?.untilMs),
    nextRunAt: timestamp(status.nextRunAtMs),
    lastAttemptAt: timestamp(status.lastAttempt?.atMs),
    lastAttemptSkipped: status.lastAttempt?.skipped ?? '',
    instanceId: status.instanceId,
  };
}

const CAUSE = {
  webhook: 'CHANGE_CAUSE_WEBHOOK',
  'team-event': 'CHANGE_CAUSE_TEAM_EVENT',
  sync: 'CHANGE_CAUSE_SYNC',
  reconcile: 'CHANGE_CAUSE_RECONCILE',
  expiry: 'CHANGE_CAUSE_EXPIRY',
} as const;

const CHANGE_KIND = {
  store: 'SOURCE_KIND_STORE',
  'team-grant': 'SOURCE_KIND_TEAM_GRANT',
  promotional: 'SOURCE_KIND_PROMOTIONAL_OTHER',
  none: 'SOURCE_KIND_NONE',
} as const;

/** A published change event, as the WatchEntitlementChanges stream sends it. */
export function change(event: ChangeEvent): EntitlementChange {
  const { data } = event;
  const at = data.expiresAt === null ? undefined : Date.parse(data.expiresAt);
  return {
    changeId: event.id,
    userId: data.userId,
    entitlement: data.entitlement,
    active: data.active,
    expiresAt: timestamp(at),
    lifetime: data.active && data.expiresAt === null,
    source: {
      kind: CHANGE_KIND[data.source.kind],
      teamId: data.source.teamId ?? '',
      productId: data.source.productId ?? '',
    },
    cause: CAUSE[data.cause],
    causationId: data.causationId ?? '',
    occurredAt: timestamp(Date.parse(event.time)),
  };
}

import {
  fromTimestamp,
  toTimestamp,
  type ApplySubscriptionStateRequest,
  type GetMemberGrantResponse__Output,
  type Team__Output,
  type TeamStatus as ProtoTeamStatus,
} from '@teamseat/grpc';
import type { TeamRole, TeamSummary } from '../../application/ports';
import { LIFETIME } from '../../domain/expiry';
import type { TeamTerms } from '../../domain/team-terms';
import type { OwnerTeamState, TeamStatus } from '../../domain/owner-team-state';

const STATUS: Record<string, TeamStatus> = {
  TEAM_STATUS_ACTIVE: 'active',
  TEAM_STATUS_GRACE: 'grace',
  TEAM_STATUS_EXPIRED: 'expired',
};
export const ROLE: Record<string, TeamRole> = {
  ROLE_OWNER: 'owner',
  ROLE_ADMIN: 'admin',
  ROLE_MEMBER: 'member',
};
export function toTeamSummary(team: Team__Output): TeamSummary {
  return {
    teamId: team.teamId,
    ownerUserId: team.ownerUserId,
    subscriberUserId: team.subscriberUserId,
    productId: team.productId,
    managementEntitlement: team.managementEntitlement,
    status: STATUS[team.status] ?? 'expired',
    periodEndsAt: fromTimestamp(team.periodEndsAt) ?? LIFETIME,
    memberEntitlements: team.memberEntitlements,
    grantMode: team.grantMode === 'GRANT_MODE_LIFETIME' ? 'lifetime' : 'period',
    ownerTakesSeat: team.ownerTakesSeat,
    seatLimit: team.seatLimit,
    seatsUsed: team.seatsUsed,
    memberCount: team.memberCount,
  };
}

const STATUS_OUT: Record<TeamStatus, ProtoTeamStatus> = {
  active: 'TEAM_STATUS_ACTIVE',
  grace: 'TEAM_STATUS_GRACE',
  expired: 'TEAM_STATUS_EXPIRED',
};
const SHRINK_OUT = {
  block: 'SHRINK_POLICY_BLOCK',
  'remove-last-joined': 'SHRINK_POLICY_REMOVE_LAST_JOINED',
  'admin-choice': 'SHRINK_POLICY_ADMIN_CHOICE',
} as const;

/** The ApplySubscriptionState request for a derived owner team state. */
export function subscriptionStateRequest(
  subscriberUserId: string,
  state: OwnerTeamState,
  sourceEventId: string | undefined,
): ApplySubscriptionStateRequest {
  const { product } = state;
  return {
    subscriberUserId,
    productId: product.productId,
    managementEntitlement: product.managementEntitlement,
    subscriptionGroup: product.subscriptionGroup ?? '',
    seatLimit: state.seatLimit,
    status: STATUS_OUT[state.status],
    periodEndsAt: Number.isFinite(state.periodEndsAt) ? toTimestamp(state.periodEndsAt) : null,
    memberEntitlements: product.memberEntitlements,
    grantMode: product.grantMode === 'lifetime' ? 'GRANT_MODE_LIFETIME' : 'GRANT_MODE_PERIOD',
    shrinkPolicy: SHRINK_OUT[product.shrinkPolicy],
    ownerTakesSeat: product.ownerTakesSeat,
    adminChoiceGraceHours: product.adminChoiceGraceHours ?? 0,
    rosterRetentionDays: product.rosterRetentionDays ?? 0,
    sourceEventAt: toTimestamp(state.sourceAtMs),
    sourceEventId: sourceEventId ?? '',
    seatPacks: state.seatPacks.map(({ productId, seats }) => ({ productId, seats })),
  };
}

/** GetMemberGrant's answer in the ledger's form; an unknown kind, or until without a date, gives nothing. */
export function toTeamTerms(answer: GetMemberGrantResponse__Output): TeamTerms {
  const until = fromTimestamp(answer.until);
  const grant: TeamTerms['grant'] =
    answer.grantKind === 'GRANT_KIND_LIFETIME'
      ? { kind: 'lifetime' }
      : answer.grantKind === 'GRANT_KIND_UNTIL' && typeof until === 'number'
        ? { kind: 'until', untilMs: until }
        : { kind: 'none' };
  return {
    teamId: answer.teamId,
    teamVersion: Number(answer.teamVersion),
    productId: answer.productId,
    entitlements: [...answer.memberEntitlements],
    grant,
  };
}

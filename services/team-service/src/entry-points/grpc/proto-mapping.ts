import type { Invite as ProtoInvite, Member as ProtoMember, Team as ProtoTeam } from '@teamseat/grpc';
import {
  summaryOf,
  type GrantMode,
  type Invite,
  type InviteStatus,
  type Member,
  type Role,
  type ShrinkPolicy,
  type Team,
  type TeamStatus,
  type TeamSummary,
} from '../../domain/team';
import { toTimestamp } from './validation';

// Domain values ⇄ proto enum value names (proto-loader runs with `enums: String`).

export const STATUS_IN: Record<string, TeamStatus> = {
  TEAM_STATUS_ACTIVE: 'active',
  TEAM_STATUS_GRACE: 'grace',
  TEAM_STATUS_EXPIRED: 'expired',
};
export const ROLE_IN: Record<string, Role> = {
  ROLE_OWNER: 'owner',
  ROLE_ADMIN: 'admin',
  ROLE_MEMBER: 'member',
};
export const GRANT_MODE_IN: Record<string, GrantMode> = {
  GRANT_MODE_PERIOD: 'period',
  GRANT_MODE_LIFETIME: 'lifetime',
};
export const SHRINK_POLICY_IN: Record<string, ShrinkPolicy> = {
  SHRINK_POLICY_BLOCK: 'block',
  SHRINK_POLICY_REMOVE_LAST_JOINED: 'remove-last-joined',
  SHRINK_POLICY_ADMIN_CHOICE: 'admin-choice',
};
export const INVITE_STATUS_IN: Record<string, InviteStatus> = {
  INVITE_STATUS_PENDING: 'pending',
  INVITE_STATUS_ACCEPTED: 'accepted',
  INVITE_STATUS_REVOKED: 'revoked',
  INVITE_STATUS_EXPIRED: 'expired',
};
export const TRANSFER_KIND_IN = {
  TRANSFER_KIND_OWNER_INITIATED: 'owner-initiated',
  TRANSFER_KIND_STORE_TRANSFER: 'store-transfer',
} as const;

const STATUS_OUT = {
  active: 'TEAM_STATUS_ACTIVE',
  grace: 'TEAM_STATUS_GRACE',
  expired: 'TEAM_STATUS_EXPIRED',
} as const satisfies Record<TeamStatus, string>;
const ROLE_OUT = {
  owner: 'ROLE_OWNER',
  admin: 'ROLE_ADMIN',
  member: 'ROLE_MEMBER',
} as const satisfies Record<Role, string>;
const GRANT_MODE_OUT = {
  period: 'GRANT_MODE_PERIOD',
  lifetime: 'GRANT_MODE_LIFETIME',
} as const satisfies Record<GrantMode, string>;
const SHRINK_POLICY_OUT = {
  block: 'SHRINK_POLICY_BLOCK',
  'remove-last-joined': 'SHRINK_POLICY_REMOVE_LAST_JOINED',
  'admin-choice': 'SHRINK_POLICY_ADMIN_CHOICE',
} as const satisfies Record<ShrinkPolicy, string>;
const INVITE_STATUS_OUT = {
  pending: 'INVITE_STATUS_PENDING',
  accepted: 'INVITE_STATUS_ACCEPTED',
  revoked: 'INVITE_STATUS_REVOKED',
  expired: 'INVITE_STATUS_EXPIRED',
} as const satisfies Record<InviteStatus, string>;

export const roleOut = (role: Role) => ROLE_OUT[role];
export const statusOut = (status: TeamStatus) => STATUS_OUT[status];

/** A team or its summary as the proto Team. */
export function teamOut(team: Team | TeamSummary): ProtoTeam {
  const summary = 'members' in team ? summaryOf(team) : team;
  return {
    teamId: summary.teamId,
    ownerUserId: summary.ownerUserId,
    subscriberUserId: summary.subscriberUserId,
    productId: summary.productId,
    managementEntitlement: summary.managementEntitlement,
    subscriptionGroup: summary.subscriptionGroup,
    status: STATUS_OUT[summary.status],
    seatLimit: summary.seatLimit,
    seatsUsed: summary.seatsUsed,
    pendingInvites: summary.pendingInvites,
    seatsAvailable: summary.seatsAvailable,
    memberCount: summary.memberCount,
    periodEndsAt: toTimestamp(summary.periodEndsAt),
    memberEntitlements: summary.memberEntitlements,
    grantMode: GRANT_MODE_OUT[summary.grantMode],
    shrinkPolicy: SHRINK_POLICY_OUT[summary.shrinkPolicy],
    ownerTakesSeat: summary.ownerTakesSeat,
    admins: summary.admins,
    overAssignedUntil: toTimestamp(summary.overAssignedUntil),
    version: String(summary.version),
    createdAt: toTimestamp(summary.createdAt),
    updatedAt: toTimestamp(summary.updatedAt),
    subscriptionStateAt: toTimestamp(summary.subscriptionStateAt),
    rosterRetainedUntil: toTimestamp(summary.rosterRetainedUntil),
  };
}

export function memberOut(member: Member): ProtoMember {
  return {
    userId: member.userId,
    role: ROLE_OUT[member.role],
    addedAt: toTimestamp(member.addedAt),
    addedBy: member.addedBy,
    holdsSeat: member.holdsSeat,
    inviteId: member.inviteId ?? '',
  };
}

/** The token only when just issued (InviteByEmail, ResendInvite). */
export function inviteOut(teamId: string, invite: Invite, token?: string): ProtoInvite {
  return {
    inviteId: invite.inviteId,
    teamId,
    email: invite.email,
    status: INVITE_STATUS_OUT[invite.status],
    expiresAt: toTimestamp(invite.expiresAt),
    createdBy: invite.createdBy,
    createdAt: toTimestamp(invite.createdAt),
    token: token ?? '',
    acceptedBy: invite.acceptedBy ?? '',
    acceptedAt: toTimestamp(invite.acceptedAt),
  };
}

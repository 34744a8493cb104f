import { TEAM_EVENT_TYPES, type TeamEventDataInput, type TeamEventType } from '@teamseat/contracts';
import type { Member, Team } from './team';

export { TEAM_EVENT_TYPES };

/**
 * An event as the domain decides it: the contract's data minus `teamVersion`, which the outbox relay
 * fills in when it publishes (the version is only certain once the write has landed).
 */
export type PendingEvent<Type extends TeamEventType = TeamEventType> = {
  [T in Type]: { type: T; data: Omit<TeamEventDataInput<T>, 'teamVersion'> };
}[Type];

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function teamRef(team: Team) {
  return { teamId: team.teamId, ownerUserId: team.ownerUserId, productId: team.productId };
}

/** What a consumer needs to grant a member: copied into roster and status events. */
export function grantTerms(team: Team) {
  return {
    status: team.status,
    seatLimit: team.seatLimit,
    periodEndsAt: iso(team.periodEndsAt),
    memberEntitlements: [...team.memberEntitlements],
    grantMode: team.grantMode,
  };
}

export function memberAdded(team: Team, member: Member): PendingEvent<'teamseat.team.MemberAdded.v1'> {
  return {
    type: TEAM_EVENT_TYPES.MemberAdded,
    data: {
      ...teamRef(team),
      ...grantTerms(team),
      userId: member.userId,
      role: member.role,
      addedBy: member.addedBy,
      holdsSeat: member.holdsSeat,
      inviteId: member.inviteId,
    },
  };
}

export type RemovalReason =
  | 'removed-by-admin'
  | 'left'
  | 'seat-limit-reduced'
  | 'team-expired'
  | 'ownership-transferred';

export function memberRemoved(
  team: Team,
  member: Member,
  reason: RemovalReason,
  removedBy: string | null,
): PendingEvent<'teamseat.team.MemberRemoved.v1'> {
  return {
    type: TEAM_EVENT_TYPES.MemberRemoved,
    data: {
      ...teamRef(team),
      ...grantTerms(team),
      userId: member.userId,
      role: member.role,
      reason,
      removedBy,
    },
  };
}

export function inviteRevoked(
  team: Team,
  inviteId: string,
  revokedBy: string,
  reason: 'revoked' | 'seat-limit-reduced' | 'team-expired',
): PendingEvent<'teamseat.team.InviteRevoked.v1'> {
  // `reason` is an extra field: the contract lets data carry more than it names.
  return { type: TEAM_EVENT_TYPES.InviteRevoked, data: { ...teamRef(team), inviteId, revokedBy, reason } };
}

export function inviteExpired(team: Team, inviteId: string): PendingEvent<'teamseat.team.InviteExpired.v1'> {
  return { type: TEAM_EVENT_TYPES.InviteExpired, data: { ...teamRef(team), inviteId } };
}

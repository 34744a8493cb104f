import { AppError } from '@teamseat/errors';

// Each rule violation is one AppError with a stable reason: the names of teamseat.team.v1.ErrorReason
// (proto/teamseat/team/v1/team_errors.proto). Messages name the rule so a human can act on them.

export const teamNotFound = (teamId: string) =>
  new AppError('NOT_FOUND', `team ${teamId} does not exist`, {
    reason: 'TEAM_NOT_FOUND',
    details: { teamId },
  });

export const notTeamManager = (actor: string) =>
  new AppError('PERMISSION_DENIED', `only the owner or an admin may do this; ${actor} is neither`, {
    reason: 'NOT_TEAM_MANAGER',
    details: { actorUserId: actor },
  });

export const notTeamOwner = (actor: string) =>
  new AppError('PERMISSION_DENIED', `only the owner may do this; ${actor} is not the owner`, {
    reason: 'NOT_TEAM_OWNER',
    details: { actorUserId: actor },
  });

export const onlyOwnerMayRemoveAdmin = (userId: string) =>
  new AppError('PERMISSION_DENIED', `only the owner may remove an admin (${userId} is an admin)`, {
    reason: 'ONLY_OWNER_MAY_REMOVE_ADMIN',
    details: { userId },
  });

export const notOnTeam = (actor: string) =>
  new AppError('PERMISSION_DENIED', `only people on the team may read it; ${actor} is not`, {
    reason: 'NOT_ON_TEAM',
    details: { actorUserId: actor },
  });

export const notSelf = (actor: string) =>
  new AppError(
    'PERMISSION_DENIED',
    `a user may list only their own teams; ${actor} asked for someone else's`,
    {
      reason: 'NOT_SELF',
      details: { actorUserId: actor },
    },
  );

export const teamNotActive = (status: string) =>
  new AppError('FAILED_PRECONDITION', `the team must be active to take new members; it is ${status}`, {
    reason: 'TEAM_NOT_ACTIVE',
    details: { status },
  });

export const seatLimitReached = (used: number, limit: number) =>
  new AppError('RESOURCE_EXHAUSTED', `no free seat: ${used} of ${limit} seats used`, {
    reason: 'SEAT_LIMIT_REACHED',
    details: { seatsUsed: used, seatLimit: limit },
  });

export const alreadyMember = (userId: string) =>
  new AppError('ALREADY_EXISTS', `${userId} is already a member of the team`, {
    reason: 'ALREADY_MEMBER',
    details: { userId },
  });

export const notAMember = (userId: string) =>
  new AppError('NOT_FOUND', `${userId} is not a member of the team`, {
    reason: 'NOT_A_MEMBER',
    details: { userId },
  });

export const ownerCannotLeave = () =>
  new AppError('FAILED_PRECONDITION', 'the owner cannot leave the team; transfer ownership first', {
    reason: 'OWNER_CANNOT_LEAVE',
  });

export const ownerCannotBeRemoved = () =>
  new AppError('FAILED_PRECONDITION', 'the owner cannot be removed; transfer ownership first', {
    reason: 'OWNER_CANNOT_BE_REMOVED',
  });

export const alreadyAdmin = (userId: string) =>
  new AppError('ALREADY_EXISTS', `${userId} is already an admin`, {
    reason: 'ALREADY_ADMIN',
    details: { userId },
  });

export const ownerIsNotAdmin = () =>
  new AppError('FAILED_PRECONDITION', 'the owner cannot also be an admin', { reason: 'OWNER_IS_NOT_ADMIN' });

export const notAnAdmin = (userId: string) =>
  new AppError('FAILED_PRECONDITION', `${userId} is not an admin`, {
    reason: 'NOT_AN_ADMIN',
    details: { userId },
  });

export const alreadyOwner = (userId: string) =>
  new AppError('FAILED_PRECONDITION', `${userId} already owns the team`, {
    reason: 'ALREADY_OWNER',
    details: { userId },
  });

export const teamAlreadyOwned = (subscriberUserId: string, managementEntitlement: string) =>
  new AppError(
    'ALREADY_EXISTS',
    `${subscriberUserId} already has a team for the management entitlement ${managementEntitlement}`,
    { reason: 'TEAM_ALREADY_OWNED', details: { subscriberUserId, managementEntitlement } },
  );

export const invitePending = (email: string) =>
  new AppError('ALREADY_EXISTS', `an invite for ${email} is already pending; resend it instead`, {
    reason: 'INVITE_ALREADY_PENDING',
    details: { email },
  });

export const inviteNotFound = () =>
  new AppError('NOT_FOUND', 'no such invite (unknown, or its token was superseded)', {
    reason: 'INVITE_NOT_FOUND',
  });

export const inviteNotPending = (status: string) =>
  new AppError('FAILED_PRECONDITION', `the invite is ${status}, not pending`, {
    reason: 'INVITE_NOT_PENDING',
    details: { status },
  });

export const inviteExpired = (expiresAt: Date) =>
  new AppError('FAILED_PRECONDITION', `the invite expired at ${expiresAt.toISOString()}`, {
    reason: 'INVITE_EXPIRED',
    details: { expiresAt: expiresAt.toISOString() },
  });

export const internalOnly = (what: string) =>
  new AppError('PERMISSION_DENIED', `${what} is internal: it needs an internal token`, {
    reason: 'INTERNAL_ONLY',
  });

/** Optimistic writes kept colliding; nothing was changed and the call may be retried. */
export const contention = (teamId: string) =>
  new AppError('UNAVAILABLE', `team ${teamId} is changing too fast; retry`, {
    reason: 'UNAVAILABLE',
    retriable: true,
    details: { teamId },
  });

import { TEAM_EVENT_TYPES } from '@teamseat/contracts';
import { touched, type Decision, type DecisionContext } from './decision';
import { expireOverdueInvites, pruneFinishedInvites } from './invite-lifecycle';
import { formatInviteToken, hashSecret, secretMatches } from './invite-token';
import { requireManager } from './permissions';
import { requireFreeSeat } from './roster-decisions';
import { withMember } from './roster-index';
import { findMember, seatsUsed, type Invite, type Member, type Team } from './team';
import * as errors from './team-errors';
import { inviteRevoked, memberAdded, teamRef, type PendingEvent } from './team-events';

export const DEFAULT_INVITE_TTL_HOURS = 168;

function replaceInvite(team: Team, invite: Invite, now: Date): Team {
  const invites = team.invites.map((i) => (i.inviteId === invite.inviteId ? invite : i));
  return { ...team, invites: pruneFinishedInvites(invites, now) };
}

function inviteCreated(team: Team, invite: Invite, resent: boolean): PendingEvent {
  return {
    type: TEAM_EVENT_TYPES.InviteCreated,
    data: {
      ...teamRef(team),
      inviteId: invite.inviteId,
      email: invite.email,
      expiresAt: invite.expiresAt.toISOString(),
      createdBy: invite.createdBy,
      resent,
    },
  };
}

const expiryFrom = (now: Date, ttlHours: number) => new Date(now.getTime() + ttlHours * 3_600_000);

/** InviteByEmail: reserves a seat for an address until the invite is accepted, revoked or expires. */
export function decideInvite(
  team: Team,
  command: { email: string; ttlHours: number; actor: string },
  ctx: DecisionContext,
): Decision<{ invite: Invite; token: string }> {
  requireManager(team, command.actor);
  const expired = expireOverdueInvites(team, ctx.now);
  const base = expired.team;
  if (base.status !== 'active') throw errors.teamNotActive(base.status);
  if (base.invites.some((i) => i.status === 'pending' && i.email === command.email)) {
    throw errors.invitePending(command.email);
  }
  requireFreeSeat(base);

  const inviteId = ctx.newId();
  const secret = ctx.newSecret();
  const invite: Invite = {
    inviteId,
    email: command.email,
    status: 'pending',
    tokenHash: hashSecret(secret),
    expiresAt: expiryFrom(ctx.now, command.ttlHours),
    createdBy: command.actor,
    createdAt: ctx.now,
    acceptedBy: null,
    acceptedAt: null,
    endedAt: null,
  };
  const invites = pruneFinishedInvites([...base.invites, invite], ctx.now);
  const next = touched({ ...base, invites }, ctx.now);
  const token = formatInviteToken({ teamId: team.teamId, inviteId, secret });
  return { next, events: [...expired.events, inviteCreated(next, invite, false)], result: { invite, token } };
}

/** AcceptInvite: whoever holds the token takes the seat the invite reserved. */
export function decideAcceptInvite(
  team: Team,
  command: { inviteId: string; secret: string; actor: string },
  ctx: DecisionContext,
): Decision<{ invite: Invite; member: Member }> {
  const invite = team.invites.find((i) => i.inviteId === command.inviteId);
  if (!invite || !secretMatches(command.secret, invite.tokenHash)) throw errors.inviteNotFound();
  if (invite.status === 'accepted' || invite.status === 'revoked')
    throw errors.inviteNotPending(invite.status);
  if (invite.status === 'expired' || invite.expiresAt.getTime() <= ctx.now.getTime()) {
    throw errors.inviteExpired(invite.expiresAt);
  }
  if (team.status !== 'active') throw errors.teamNotActive(team.status);
  if (findMember(team, command.actor)) throw errors.alreadyMember(command.actor);
  // The invite already holds a seat; only a limit that dropped since can leave no room for it.
  if (seatsUsed(team) + 1 > team.seatLimit) throw errors.seatLimitReached(seatsUsed(team), team.seatLimit);

  const accepted: Invite = {
    ...invite,
    status: 'accepted',
    acceptedBy: command.actor,
    acceptedAt: ctx.now,
    endedAt: ctx.now,
  };
  const member: Member = {
    userId: command.actor,
    role: 'member',
    addedAt: ctx.now,
    addedBy: invite.createdBy,
    holdsSeat: true,
    inviteId: invite.inviteId,
  };
  const withInvite = replaceInvite(team, accepted, ctx.now);
  const next = touched({ ...withInvite, members: withMember(withInvite.members, member) }, ctx.now);
  const events: PendingEvent[] = [
    {
      type: TEAM_EVENT_TYPES.InviteAccepted,
      data: { ...teamRef(next), inviteId: invite.inviteId, userId: command.actor },
    },
    memberAdded(next, member),
  ];
  return { next, events, result: { invite: accepted, member } };
}

/** RevokeInvite: withdraws a pending invite and frees its seat. */
export function decideRevokeInvite(
  team: Team,
  command: { inviteId: string; actor: string },
  ctx: DecisionContext,
): Decision<{ invite: Invite }> {
  requireManager(team, command.actor);
  const invite = team.invites.find((i) => i.inviteId === command.inviteId);
  if (!invite) throw errors.inviteNotFound();
  if (invite.status !== 'pending') throw errors.inviteNotPending(invite.status);
  const revoked: Invite = { ...invite, status: 'revoked', endedAt: ctx.now };
  const next = touched(replaceInvite(team, revoked, ctx.now), ctx.now);
  return {
    next,
    events: [inviteRevoked(next, invite.inviteId, command.actor, 'revoked')],
    result: { invite: revoked },
  };
}

/** ResendInvite: a new token (the old one stops working) and a new expiry; an expired invite needs a seat again. */
export function decideResendInvite(
  team: Team,
  command: { inviteId: string; ttlHours: number; actor: string },
  ctx: DecisionContext,
): Decision<{ invite: Invite; token: string }> {
  requireManager(team, command.actor);
  const original = team.invites.find((i) => i.inviteId === command.inviteId);
  if (!original) throw errors.inviteNotFound();
  if (original.status === 'accepted' || original.status === 'revoked') {
    throw errors.inviteNotPending(original.status);
  }
  // Other overdue invites free their seats first; this one, if still pending, keeps its own seat.
  const others = { ...team, invites: team.invites.filter((i) => i.inviteId !== original.inviteId) };
  const expired = expireOverdueInvites(others, ctx.now);
  const base = expired.team;
  if (base.status !== 'active') throw errors.teamNotActive(base.status);
  if (original.status === 'expired') requireFreeSeat(base);

  const secret = ctx.newSecret();
  const renewed: Invite = {
    ...original,
    status: 'pending',
    tokenHash: hashSecret(secret),
    expiresAt: expiryFrom(ctx.now, command.ttlHours),
    endedAt: null,
  };
  const invites = pruneFinishedInvites([...base.invites, renewed], ctx.now);
  const next = touched({ ...base, invites }, ctx.now);
  const token = formatInviteToken({ teamId: team.teamId, inviteId: renewed.inviteId, secret });
  return {
    next,
    events: [...expired.events, inviteCreated(next, renewed, true)],
    result: { invite: renewed, token },
  };
}

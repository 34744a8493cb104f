import { TEAM_EVENT_TYPES } from '@teamseat/contracts';
import { clearOverAssignmentIfFits, touched, type Decision, type DecisionContext } from './decision';
import { expireOverdueInvites } from './invite-lifecycle';
import { withMember } from './roster-index';
import { requireManager, requireOwner } from './permissions';
import { findMember, seatsAvailable, type Member, type Team } from './team';
import * as errors from './team-errors';
import { memberAdded, memberRemoved, teamRef, type PendingEvent } from './team-events';

/** Rejects a new seat holder unless the team is active and has a free seat ("x of n" in the message). */
export function requireFreeSeat(team: Team): void {
  if (team.status !== 'active') throw errors.teamNotActive(team.status);
  const available = seatsAvailable(team);
  if (available <= 0) throw errors.seatLimitReached(team.seatLimit - available, team.seatLimit);
}

/** AddMember: the owner or an admin gives user_id a seat directly. */
export function decideAddMember(
  team: Team,
  command: { userId: string; actor: string },
  ctx: DecisionContext,
): Decision<{ member: Member }> {
  const actor = requireManager(team, command.actor);
  const expired = expireOverdueInvites(team, ctx.now);
  const base = expired.team;
  if (base.status !== 'active') throw errors.teamNotActive(base.status);
  if (findMember(base, command.userId)) throw errors.alreadyMember(command.userId);
  requireFreeSeat(base);

  const member: Member = {
    userId: command.userId,
    role: 'member',
    addedAt: ctx.now,
    addedBy: command.actor,
    holdsSeat: true,
    inviteId: null,
  };
  const next = touched({ ...base, members: withMember(base.members, member) }, ctx.now);
  const events = [...expired.events, memberAdded(next, member)];
  const append =
    expired.events.length === 0
      ? {
          member,
          guard: {
            status: 'active' as const,
            notOnRoster: member.userId,
            actor,
            termsVersion: team.termsVersion,
          },
        }
      : undefined;
  return { next, events, result: { member }, append };
}

function withoutMember(team: Team, userId: string): Team {
  return clearOverAssignmentIfFits({ ...team, members: team.members.filter((m) => m.userId !== userId) });
}

/** RemoveMember: the owner removes anyone but themself; an admin removes plain members. */
export function decideRemoveMember(
  team: Team,
  command: { userId: string; actor: string },
  ctx: DecisionContext,
): Decision<{ removed: Member }> {
  const actor = requireManager(team, command.actor);
  const member = findMember(team, command.userId);
  if (!member) throw errors.notAMember(command.userId);
  if (member.role === 'owner') throw errors.ownerCannotBeRemoved();
  if (member.role === 'admin' && actor.role !== 'owner') throw errors.onlyOwnerMayRemoveAdmin(member.userId);
  const next = touched(withoutMember(team, member.userId), ctx.now);
  return {
    next,
    events: [memberRemoved(next, member, 'removed-by-admin', command.actor)],
    result: { removed: member },
  };
}

/** LeaveTeam: any member (an admin loses the role with the seat); the owner must transfer first. */
export function decideLeaveTeam(
  team: Team,
  command: { actor: string },
  ctx: DecisionContext,
): Decision<null> {
  const member = findMember(team, command.actor);
  if (!member) throw errors.notAMember(command.actor);
  if (member.role === 'owner') throw errors.ownerCannotLeave();
  const next = touched(withoutMember(team, member.userId), ctx.now);
  return { next, events: [memberRemoved(next, member, 'left', command.actor)], result: null };
}

function withRole(team: Team, userId: string, role: Member['role']): Team {
  return { ...team, members: team.members.map((m) => (m.userId === userId ? { ...m, role } : m)) };
}

/** GrantAdmin: the owner makes a member an admin. */
export function decideGrantAdmin(
  team: Team,
  command: { userId: string; actor: string },
  ctx: DecisionContext,
): Decision<null> {
  requireOwner(team, command.actor);
  if (command.userId === team.ownerUserId) throw errors.ownerIsNotAdmin();
  const member = findMember(team, command.userId);
  if (!member) throw errors.notAMember(command.userId);
  if (member.role === 'admin') throw errors.alreadyAdmin(command.userId);
  const next = touched(withRole(team, member.userId, 'admin'), ctx.now);
  const event: PendingEvent = {
    type: TEAM_EVENT_TYPES.AdminGranted,
    data: { ...teamRef(next), userId: member.userId, grantedBy: command.actor },
  };
  return { next, events: [event], result: null };
}

/** RevokeAdmin: the owner makes an admin a plain member again; the seat stays. */
export function decideRevokeAdmin(
  team: Team,
  command: { userId: string; actor: string },
  ctx: DecisionContext,
): Decision<null> {
  requireOwner(team, command.actor);
  const member = findMember(team, command.userId);
  if (!member) throw errors.notAMember(command.userId);
  if (member.role !== 'admin') throw errors.notAnAdmin(command.userId);
  const next = touched(withRole(team, member.userId, 'member'), ctx.now);
  const event: PendingEvent = {
    type: TEAM_EVENT_TYPES.AdminRevoked,
    data: { ...teamRef(next), userId: member.userId, revokedBy: command.actor },
  };
  return { next, events: [event], result: null };
}

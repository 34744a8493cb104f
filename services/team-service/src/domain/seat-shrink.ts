import { compareByJoin, pendingInvites, seatsUsed, type Invite, type Member, type Team } from './team';
import { inviteRevoked, memberRemoved, type PendingEvent } from './team-events';

/**
 * Brings a team whose seat limit dropped below its used seats back within the limit
 * (docs/adr/0004-seats-and-team-model.md):
 * 1. pending invites go first, newest first: nobody has access through them yet;
 * 2. then the product's shrink policy decides about members:
 *    block              keep everyone; adds are refused until enough people leave;
 *    remove-last-joined remove the most recently added members (never the owner);
 *    admin-choice       set a deadline (now + grace hours) for an admin to choose; at the deadline the
 *                       deadline sweeper falls back to remove-last-joined (see decideDeadlines).
 * Returns the events describing the removals; the caller builds the rest from the final team.
 */
export function fitToSeatLimit(
  team: Team,
  now: Date,
): { team: Team; removals: Array<{ member: Member }>; revokedInvites: Invite[] } {
  let over = seatsUsed(team) + pendingInvites(team).length - team.seatLimit;
  if (over <= 0) return { team: { ...team, overAssignedUntil: null }, removals: [], revokedInvites: [] };

  const newestInvites = pendingInvites(team)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.inviteId < b.inviteId ? 1 : -1))
    .slice(0, over);
  const revokedIds = new Set(newestInvites.map((invite) => invite.inviteId));
  let next: Team = {
    ...team,
    invites: team.invites.map((invite) =>
      revokedIds.has(invite.inviteId) ? { ...invite, status: 'revoked', endedAt: now } : invite,
    ),
  };
  over -= revokedIds.size;
  const revokedInvites = next.invites.filter((invite) => revokedIds.has(invite.inviteId));
  if (over <= 0) return { team: { ...next, overAssignedUntil: null }, removals: [], revokedInvites };

  switch (team.shrinkPolicy) {
    case 'block':
      return { team: { ...next, overAssignedUntil: null }, removals: [], revokedInvites };
    case 'admin-choice': {
      const deadline =
        next.overAssignedUntil ?? new Date(now.getTime() + team.adminChoiceGraceHours * 3_600_000);
      return { team: { ...next, overAssignedUntil: deadline }, removals: [], revokedInvites };
    }
    case 'remove-last-joined': {
      const removed = removeLastJoined(next, over);
      next = { ...removed.team, overAssignedUntil: null };
      return { team: next, removals: removed.removed.map((member) => ({ member })), revokedInvites };
    }
  }
}

/** Removes up to `count` seat holders, most recently added first; the owner always stays. */
export function removeLastJoined(team: Team, count: number): { team: Team; removed: Member[] } {
  const removed = team.members
    .filter((member) => member.holdsSeat && member.role !== 'owner')
    .sort((a, b) => compareByJoin(b, a))
    .slice(0, Math.max(0, count));
  const gone = new Set(removed.map((member) => member.userId));
  return { team: { ...team, members: team.members.filter((m) => !gone.has(m.userId)) }, removed };
}

/** Events for a shrink, built from the team after it so they carry the final terms. */
export function shrinkEvents(
  finalTeam: Team,
  shrink: { removals: Array<{ member: Member }>; revokedInvites: Invite[] },
  reason: 'seat-limit-reduced' | 'team-expired',
): PendingEvent[] {
  return [
    ...shrink.revokedInvites.map((invite) => inviteRevoked(finalTeam, invite.inviteId, 'system', reason)),
    ...shrink.removals.map(({ member }) => memberRemoved(finalTeam, member, reason, null)),
  ];
}

import { touched, unchanged, type Decision, type DecisionContext } from './decision';
import { expireOverdueInvites } from './invite-lifecycle';
import { removeLastJoined, shrinkEvents } from './seat-shrink';
import { seatsUsed, type Team } from './team';

/**
 * What time alone changes, run by the deadline sweeper: overdue invites expire and free their seats, and
 * an admin-choice over-assignment whose deadline passed falls back to remove-last-joined.
 */
export function decideDeadlines(team: Team, ctx: DecisionContext): Decision<{ removedUserIds: string[] }> {
  const expired = expireOverdueInvites(team, ctx.now);
  let next = expired.team;
  let removed: Team['members'] = [];
  const deadline = next.overAssignedUntil;
  const excess = seatsUsed(next) - next.seatLimit;
  if (deadline !== null && deadline.getTime() <= ctx.now.getTime() && excess > 0) {
    const result = removeLastJoined(next, excess);
    next = { ...result.team, overAssignedUntil: null };
    removed = result.removed;
  }
  if (expired.events.length === 0 && removed.length === 0) return unchanged(team, { removedUserIds: [] });
  next = touched(next, ctx.now);
  const removals = removed.map((member) => ({ member }));
  return {
    next,
    events: [
      ...expired.events,
      ...shrinkEvents(next, { removals, revokedInvites: [] }, 'seat-limit-reduced'),
    ],
    result: { removedUserIds: removed.map((member) => member.userId) },
  };
}

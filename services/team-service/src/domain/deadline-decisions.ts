import { touched, unchanged, type Decision, type DecisionContext } from './decision';
import { expireOverdueInvites } from './invite-lifecycle';
import { clearSuspended, rosterCleared, retentionOver } from './roster-retention';
import { removeLastJoined, shrinkEvents } from './seat-shrink';
import { seatsUsed, type Team } from './team';

/**
 * What time alone changes, run by the deadline sweeper: overdue invites expire and free their seats, an
 * admin-choice over-assignment whose deadline passed falls back to remove-last-joined, and an expired
 * team's kept roster is cleared once its retention ended (ADR 0030).
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
  const retainedUntil = next.rosterRetainedUntil;
  let cleared: Team['members'] = [];
  if (retentionOver(next, ctx.now)) ({ team: next, cleared } = clearSuspended(next));
  if (expired.events.length === 0 && removed.length === 0 && cleared.length === 0)
    return unchanged(team, { removedUserIds: [] });
  next = touched(next, ctx.now);
  const removals = removed.map((member) => ({ member }));
  return {
    next,
    events: [
      ...expired.events,
      ...shrinkEvents(next, { removals, revokedInvites: [] }, 'seat-limit-reduced'),
      ...(cleared.length > 0 ? [rosterCleared(next, cleared, retainedUntil)] : []),
    ],
    result: { removedUserIds: [...removed, ...cleared].map((member) => member.userId) },
  };
}

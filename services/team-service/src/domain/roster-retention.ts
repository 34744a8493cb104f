import { suspendedMembers, type Member, type Team } from './team';
import { teamRef, TEAM_EVENT_TYPES, type PendingEvent } from './team-events';

// An expired team keeps its roster as suspended members (no access, no seats in use) for the product's
// rosterRetentionDays; a subscription back within it restores them, after it they are cleared (ADR 0030).

const DAY_MS = 86_400_000;

/**
 * Until when an expiry keeps the roster, or null when it keeps none (retention 0, or already over).
 * Retention runs from when access ended at RevenueCat (the period end; the state's time for a lifetime
 * purchase) and is compared with the state's time, so a late-learned expiry keeps no more than it should.
 */
export function rosterRetentionEnd(
  state: { rosterRetentionDays: number; periodEndsAt: Date | null; sourceEventAt: Date | null },
  now: Date,
): Date | null {
  if (state.rosterRetentionDays <= 0) return null;
  const knownAt = state.sourceEventAt ?? now;
  const endedAt = state.periodEndsAt ?? knownAt;
  const until = new Date(endedAt.getTime() + state.rosterRetentionDays * DAY_MS);
  return until.getTime() > knownAt.getTime() ? until : null;
}

/** Whether a subscription back at `at` finds the expired team's roster still kept. */
export function rosterKeptAt(team: Team, at: Date): boolean {
  return team.rosterRetainedUntil !== null && at.getTime() <= team.rosterRetainedUntil.getTime();
}

export function withoutMembers(team: Team, members: readonly Member[]): Team {
  const gone = new Set(members.map((member) => member.userId));
  return { ...team, members: team.members.filter((m) => !gone.has(m.userId)) };
}

/** The expired team without its suspended members: the owner stays, the retention is over. */
export function clearSuspended(team: Team): { team: Team; cleared: Member[] } {
  const cleared = suspendedMembers(team);
  return { team: { ...withoutMembers(team, cleared), rosterRetainedUntil: null }, cleared };
}

/** Whether the deadline sweeper should clear the team's kept roster at `now`. */
export function retentionOver(team: Team, now: Date): boolean {
  return (
    team.rosterRetainedUntil !== null &&
    team.rosterRetainedUntil.getTime() <= now.getTime() &&
    suspendedMembers(team).length > 0
  );
}

/** One event for the cleared roster, as for the expiry: each user also gets a grant-terms fact. */
export function rosterCleared(
  team: Team,
  cleared: Member[],
  retainedUntil: Date | null,
): PendingEvent<'teamseat.team.RosterCleared.v1'> {
  return {
    type: TEAM_EVENT_TYPES.RosterCleared,
    data: {
      ...teamRef(team),
      removedUserCount: cleared.length,
      retainedUntil: retainedUntil?.toISOString() ?? null,
    },
  };
}

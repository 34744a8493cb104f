import type { PendingEvent } from './team-events';
import { seatsAvailable, seatsUsed, type Member, type Team, type TeamStatus } from './team';

/** Everything a decision may not make up itself: the time and fresh random ids. */
export interface DecisionContext {
  now: Date;
  /** A new unique id (events, invites, teams). */
  newId: () => string;
  /** A new unguessable secret (invite tokens). */
  newSecret: () => string;
}

/**
 * The conditions a "one member joins" write must still meet when it lands. The repository puts them in
 * the update's filter, so the seat check and the write are one atomic single-document update and two
 * concurrent adds for the last seat cannot both win (docs/adr/0004-seats-and-team-model.md).
 */
export interface AppendGuard {
  status: TeamStatus;
  /** The user is not on the roster. */
  notOnRoster: string;
  /** The actor still holds the role the decision relied on; null for a trusted internal caller. */
  actor: { userId: string; role: 'owner' | 'admin' } | null;
  /** Nothing the event copies from the team changed meanwhile. */
  termsVersion: number;
}

export interface MemberAppend {
  member: Member;
  guard: AppendGuard;
}

export interface Decision<Result> {
  /** The team after the change (equal to the input when nothing changed). */
  next: Team;
  /** Empty when nothing changed; then nothing is written. */
  events: PendingEvent[];
  result: Result;
  /** Set when the whole change is one member joining: it may then be written as a guarded append. */
  append?: MemberAppend;
}

/** A decision that changes nothing. */
export function unchanged<Result>(team: Team, result: Result): Decision<Result> {
  return { next: team, events: [], result };
}

/** Stamps a changed team: one more version, and the time of the change. */
export function touched(team: Team, now: Date, termsChanged = false): Team {
  return {
    ...team,
    version: team.version + 1,
    termsVersion: termsChanged ? team.termsVersion + 1 : team.termsVersion,
    updatedAt: now,
  };
}

/** Clears the admin-choice deadline once the seated members fit again. */
export function clearOverAssignmentIfFits(team: Team): Team {
  if (team.overAssignedUntil === null) return team;
  return seatsUsed(team) + team.invites.filter((i) => i.status === 'pending').length <= team.seatLimit
    ? { ...team, overAssignedUntil: null }
    : team;
}

/** seats used (members holding a seat plus pending invites), as "x of n" counts it. */
export function seatsTaken(team: Team): number {
  return team.seatLimit - seatsAvailable(team);
}

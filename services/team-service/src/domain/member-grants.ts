import type { MemberGrant } from '@teamseat/contracts';
import { findMember, type Member, type Team, type TeamSummary } from './team';

/**
 * Which users a write concerns for their grants (ADR 0016): the relay publishes one grant-terms fact per
 * user in it, derived from the team as written. `roster` stands for every user on the roster then, so a
 * renewal of a 25,000-member team stores one flag instead of 25,000 ids; `userIds` names the others (users
 * who joined, left or changed seat), including users no longer on the roster.
 */
export interface GrantScope {
  roster: boolean;
  userIds: string[];
}

export const NO_GRANT_CHANGE: GrantScope = { roster: false, userIds: [] };

/**
 * What a seat in `team` gives `userId` now: a pure function of the team's state. Nothing without a seat or
 * once expired; for life in lifetime mode or for a lifetime purchase; otherwise until the period end
 * (grace included: the period end is then the end of grace). The grant buffer is the consumer's concern.
 */
export function memberGrantOf(team: Team, userId: string): MemberGrant {
  return grantOfSeat(team, findMember(team, userId)?.holdsSeat ?? false);
}

/**
 * memberGrantOf from a team's summary and whether the user is on its roster (the listing views), for
 * GetMemberGrant's point read (ADR 0021). Every member but the owner holds a seat; the owner holds one when
 * the product says owner_takes_seat (subscription and ownership decisions keep it so).
 */
export function memberGrantInSummary(summary: TeamSummary, userId: string, onRoster: boolean): MemberGrant {
  const holdsSeat = onRoster && (summary.ownerUserId !== userId || summary.ownerTakesSeat);
  return grantOfSeat(summary, holdsSeat);
}

function grantOfSeat(
  team: Pick<Team, 'status' | 'grantMode' | 'periodEndsAt'>,
  holdsSeat: boolean,
): MemberGrant {
  if (!holdsSeat || team.status === 'expired') return { kind: 'none' };
  if (team.grantMode === 'lifetime' || team.periodEndsAt === null) return { kind: 'lifetime' };
  return { kind: 'until', until: team.periodEndsAt.toISOString() };
}

/** The team-wide part of what a member gets: when it changes, every member's grant may change. */
function teamTermsKey(team: Team): string {
  return JSON.stringify([
    team.status,
    team.periodEndsAt?.getTime() ?? null,
    team.grantMode,
    team.productId,
    team.memberEntitlements,
  ]);
}

/** Seat holders and other roster users, as one key per user. */
function seatsOf(team: Team | null): Map<string, boolean> {
  return new Map((team?.members ?? []).map((m) => [m.userId, m.holdsSeat]));
}

/**
 * The members `after` added at the end of `before`'s roster, when it kept every member of `before` as the
 * same object in the same place (joins: what the decisions do); otherwise null.
 */
function appendedMembers(before: Team | null, after: Team): Member[] | null {
  const was = before?.members ?? [];
  const is = after.members;
  if (is.length < was.length) return null;
  for (let i = 0; i < was.length; i++) if (is[i] !== was[i]) return null;
  return is.slice(was.length);
}

/**
 * The users whose grant may differ between `before` (null for a new team) and `after`: everyone when the
 * team-wide terms changed, plus anyone who joined, left or gained or lost a seat. Pure; O(roster), but
 * for joins only a comparison of references: no map of a large roster per join (ADR 0028).
 */
export function grantScopeOf(before: Team | null, after: Team): GrantScope {
  const roster = before === null || teamTermsKey(before) !== teamTermsKey(after);
  const joined = appendedMembers(before, after);
  if (joined) return { roster: roster && after.members.length > 0, userIds: joined.map((m) => m.userId) };
  const was = seatsOf(before);
  const is = seatsOf(after);
  const userIds: string[] = [];
  for (const [userId, seat] of is) if (was.get(userId) !== seat) userIds.push(userId);
  for (const userId of was.keys()) if (!is.has(userId)) userIds.push(userId);
  return { roster: roster && after.members.length > 0, userIds };
}

/** The users a scope names, as of `team` (the version the facts are derived from). */
export function usersInScope(team: Team, scopes: readonly GrantScope[]): string[] {
  const users = new Set<string>();
  if (scopes.some((scope) => scope.roster)) for (const member of team.members) users.add(member.userId);
  for (const scope of scopes) for (const userId of scope.userIds) users.add(userId);
  return [...users];
}

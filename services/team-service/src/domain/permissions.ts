import type { AppendGuard } from './decision';
import { findMember, type Role, type Team } from './team';
import { notOnTeam, notTeamManager, notTeamOwner } from './team-errors';

// Who may do what (docs/adr/0004-seats-and-team-model.md): the owner and admins manage the roster and
// invites; only the owner grants and revokes admin and hands the team on; anyone on the team may read
// it and leave it (but the owner). Everybody else is refused, naming the rule.

export function roleOf(team: Team, userId: string): Role | undefined {
  if (team.ownerUserId === userId) return 'owner';
  return findMember(team, userId)?.role;
}

/** The owner or an admin; returns the role the actor acts in, for the write's guard. */
export function requireManager(team: Team, actor: string): NonNullable<AppendGuard['actor']> {
  const role = roleOf(team, actor);
  if (role === 'owner' || role === 'admin') return { userId: actor, role };
  throw notTeamManager(actor);
}

export function requireOwner(team: Team, actor: string): void {
  if (team.ownerUserId !== actor) throw notTeamOwner(actor);
}

/** Reads: an empty actor is a trusted caller (internal services, app backends acting for themselves). */
export function requireOnTeam(team: Team, actor: string | undefined): void {
  if (actor === undefined || actor === '') return;
  if (roleOf(team, actor) === undefined) throw notOnTeam(actor);
}

import { nextDeadline, type Team } from '../../domain/team';
import type { TeamPatch } from '../../domain/team-patch';

/** What this process last knows of a team's projection (`teams` document). */
export interface ProjectedState {
  version: number;
  /** The projection's `nextDeadlineAt` in ms, null when none: the deadline sweeper scans it. */
  deadline: number | null;
}

/** Versions a projection may trail its log: 1 for small teams, one per ten members up to 2,000 (ADR 0026). */
export function projectionLag(memberCount: number): number {
  return Math.min(2_000, Math.max(1, Math.floor(memberCount / 10)));
}

const ROSTER_ONLY_FIELDS = new Set(['version', 'updatedAt']);

export const deadlineOf = (team: Team): number | null => nextDeadline(team)?.getTime() ?? null;

/**
 * Whether the write of `next` must bring the projection forward now. On FerretDB a write of a team
 * document costs time in proportion to its roster (ADR 0004), so a roster change of a large team is left
 * in the log (readers catch up with point reads, at most `projectionLag` of them) unless the projection
 * would trail too far, a team field changed (status, seats, period: scans and listings read them), or the
 * team's next deadline moved earlier than the one the sweeper would find.
 */
export function mustProject(next: Team, patch: TeamPatch, projected: ProjectedState | undefined): boolean {
  if (!projected) return true;
  if (next.version - projected.version >= projectionLag(next.members.length)) return true;
  if (Object.keys(patch.set).some((field) => !ROSTER_ONLY_FIELDS.has(field))) return true;
  const deadline = deadlineOf(next);
  return deadline !== null && (projected.deadline === null || deadline < projected.deadline);
}

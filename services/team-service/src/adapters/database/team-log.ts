import type { EventMeta } from '../../application/ports';
import type { GrantScope } from '../../domain/member-grants';
import type { Team } from '../../domain/team';
import type { PendingEvent } from '../../domain/team-events';
import type { TeamPatch } from '../../domain/team-patch';
import { toInvite, toMember, type StoredEvent } from './team-document';

/**
 * One version of a team in `team_log` (ADR 0024): what the change did to the team (a patch, not the
 * team), the events it produced and the users whose grants it concerns. The log is the outbox too: the
 * relay publishes its entries in version order.
 */
export interface LogEntryDocument {
  _id: string;
  teamId: string;
  version: number;
  at: Date;
  patch: TeamPatch;
  events: StoredEvent[];
  grants: GrantScope;
  causationid: string | null;
}

/** `<teamId>/<version, 10 digits>`: one exact `_id` per version, so every read is an index lookup. */
export const logId = (teamId: string, version: number) => `${teamId}/${String(version).padStart(10, '0')}`;

export function logEntry(
  team: Team,
  patch: TeamPatch,
  events: PendingEvent[],
  grants: GrantScope,
  meta: EventMeta,
  { now, newId }: { now: Date; newId: () => string },
): LogEntryDocument {
  return {
    _id: logId(team.teamId, team.version),
    teamId: team.teamId,
    version: team.version,
    at: now,
    patch,
    events: events.map((event) => ({
      id: newId(),
      type: event.type,
      time: now,
      data: event.data as Record<string, unknown>,
      causationid: meta.causationId,
      traceparent: meta.traceparent,
    })),
    grants,
    causationid: meta.causationId,
  };
}

const dateOf = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
const DATE_FIELDS = [
  'periodEndsAt',
  'overAssignedUntil',
  'subscriptionStateAt',
  'createdAt',
  'updatedAt',
] as const;

/** The patch as read back: dates as dates, entries with every field. */
export function storedPatch(raw: TeamPatch): TeamPatch {
  const set: Record<string, unknown> = { ...raw.set };
  for (const field of DATE_FIELDS) {
    if (set[field] !== undefined && set[field] !== null) set[field] = dateOf(set[field]);
  }
  const list = <T>(patch: TeamPatch['members'] | TeamPatch['invites'], map: (entry: never) => T) => ({
    put: (patch.put as never[]).map(map),
    remove: [...patch.remove],
    ...(patch.order ? { order: [...patch.order] } : {}),
  });
  return {
    set: set as TeamPatch['set'],
    members: list(raw.members, toMember),
    invites: list(raw.invites, toInvite),
  } as TeamPatch;
}

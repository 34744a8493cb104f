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
  /** The events, or [] when they are stored as `eventRuns`. */
  events: StoredEvent[];
  /** Many events (a shrink of thousands of members), each field they share stored once (ADR 0026). */
  eventRuns?: EventRuns;
  grants: GrantScope;
  causationid: string | null;
}

/** Consecutive events of one type: the data they share once, then per event its id and the rest. */
export interface EventRun {
  type: string;
  data: Record<string, unknown>;
  items: Array<{ id: string; data: Record<string, unknown> }>;
}

export interface EventRuns {
  time: Date;
  causationid: string | null;
  traceparent: string | null;
  runs: EventRun[];
}

/** Above this many events an entry stores them as runs. */
const RUNS_FROM = 20;

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
  const stored = events.map((event) => ({
    id: newId(),
    type: event.type,
    time: now,
    data: event.data as Record<string, unknown>,
    causationid: meta.causationId,
    traceparent: meta.traceparent,
  }));
  const packed = stored.length > RUNS_FROM;
  return {
    _id: logId(team.teamId, team.version),
    teamId: team.teamId,
    version: team.version,
    at: now,
    patch,
    events: packed ? [] : stored,
    ...(packed
      ? {
          eventRuns: {
            time: now,
            causationid: meta.causationId,
            traceparent: meta.traceparent,
            runs: runsOf(stored),
          },
        }
      : {}),
    grants,
    causationid: meta.causationId,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Groups consecutive events of one type and takes out the data fields every event of a run shares. */
function runsOf(events: StoredEvent[]): EventRun[] {
  const runs: StoredEvent[][] = [];
  for (const event of events) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.type === event.type) last.push(event);
    else runs.push([event]);
  }
  return runs.map((run) => {
    const first = run[0]!.data;
    const shared = Object.keys(first).filter((key) =>
      run.every((event) => same(event.data[key], first[key])),
    );
    const rest = (data: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(data).filter(([key]) => !shared.includes(key)));
    return {
      type: run[0]!.type,
      data: Object.fromEntries(shared.map((key) => [key, first[key]])),
      items: run.map((event) => ({ id: event.id, data: rest(event.data) })),
    };
  });
}

/** An entry's events in order, whichever way they were stored. */
export function storedEvents(entry: Pick<LogEntryDocument, 'events' | 'eventRuns'>): StoredEvent[] {
  const runs = entry.eventRuns;
  if (!runs) return entry.events;
  return runs.runs.flatMap((run) =>
    run.items.map((item) => ({
      id: item.id,
      type: run.type,
      time: runs.time,
      data: { ...run.data, ...item.data },
      causationid: runs.causationid,
      traceparent: runs.traceparent,
    })),
  );
}

/** How many events an entry holds. */
export const eventCount = (entry: Pick<LogEntryDocument, 'events' | 'eventRuns'>) =>
  entry.eventRuns
    ? entry.eventRuns.runs.reduce((sum, run) => sum + run.items.length, 0)
    : entry.events.length;

const dateOf = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
const DATE_FIELDS = [
  'periodEndsAt',
  'overAssignedUntil',
  'subscriptionStateAt',
  'rosterRetainedUntil',
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

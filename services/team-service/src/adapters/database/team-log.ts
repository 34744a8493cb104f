import type { EventMeta, LoggedEvent } from '../../application/ports';
import type { GrantScope } from '../../domain/member-grants';
import type { Team } from '../../domain/team';
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

/**
 * Consecutive events of one type: the data they share once, then per event its id and the rest, and its
 * causation and trace only where they differ from the entry's (a batch of several callers, ADR 0028).
 */
export interface EventRun {
  type: string;
  data: Record<string, unknown>;
  items: Array<{
    id: string;
    data: Record<string, unknown>;
    causationid?: string | null;
    traceparent?: string | null;
  }>;
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

/**
 * The entry of `team`'s version. `meta` is the entry's; an event carrying its own (one command of a batch)
 * keeps that.
 */
export function logEntry(
  team: Team,
  patch: TeamPatch,
  events: LoggedEvent[],
  grants: GrantScope,
  meta: EventMeta,
  { now, newId }: { now: Date; newId: () => string },
): LogEntryDocument {
  const stored = events.map(({ meta: own, ...event }) => ({
    id: newId(),
    type: event.type,
    time: now,
    data: event.data as Record<string, unknown>,
    causationid: (own ?? meta).causationId,
    traceparent: (own ?? meta).traceparent,
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
            runs: runsOf(stored, meta),
          },
        }
      : {}),
    grants,
    causationid: meta.causationId,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Groups consecutive events of one type and takes out the data fields every event of a run shares. */
function runsOf(events: StoredEvent[], meta: EventMeta): EventRun[] {
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
      items: run.map((event) => ({
        id: event.id,
        data: rest(event.data),
        ...(event.causationid === meta.causationId ? {} : { causationid: event.causationid }),
        ...(event.traceparent === meta.traceparent ? {} : { traceparent: event.traceparent }),
      })),
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
      causationid: item.causationid === undefined ? runs.causationid : item.causationid,
      traceparent: item.traceparent === undefined ? runs.traceparent : item.traceparent,
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

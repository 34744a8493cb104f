import { MongoClient } from 'mongodb';

/**
 * What team-service stored, read straight from its database (ADR 0024): every version of every team
 * replayed from `team_log`, independently of team-service's own code, and the `teams` projection.
 * Only the fields the seat rule needs are followed: who holds a seat, which invites are pending, the limit.
 */
export interface TeamVersion {
  version: number;
  seatLimit: number;
  /** userId → holds a seat. */
  members: Map<string, boolean>;
  /** inviteId → status. */
  invites: Map<string, string>;
}

export interface StoredTeam {
  teamId: string;
  versions: TeamVersion[];
  /** Version numbers that are missing between 1 and the last one. */
  gaps: number[];
  /** What each entry did to members (user ids put, i.e. added or changed, and removed), by version. */
  changes: Map<number, Change>;
  projection?: { version: number; seatHolders: string[]; seatsUsed: number };
}

export interface Change {
  put: string[];
  removed: string[];
  /** The traceparents of the calls that wrote the entry (its events carry the caller's). */
  traces: string[];
}

interface RawEntry {
  teamId: string;
  version: number;
  patch: {
    set: { seatLimit?: number };
    members: { put: Array<{ userId: string; holdsSeat: boolean }>; remove: string[] };
    invites: { put: Array<{ inviteId: string; status: string }>; remove: string[] };
  };
  events: Array<{ traceparent: string | null }>;
}

const seatsHeld = (v: TeamVersion) => [...v.members.values()].filter(Boolean).length;
const pendingInvites = (v: TeamVersion) => [...v.invites.values()].filter((s) => s === 'pending').length;
export const seatHolders = (v: TeamVersion) =>
  [...v.members.entries()].filter(([, seat]) => seat).map(([user]) => user);

function replay(teamId: string, entries: RawEntry[]): StoredTeam {
  const sorted = [...entries].sort((a, b) => a.version - b.version);
  const versions: TeamVersion[] = [];
  const changes = new Map<number, Change>();
  let current: TeamVersion = { version: 0, seatLimit: 0, members: new Map(), invites: new Map() };
  for (const { version, patch, events } of sorted) {
    const members = new Map(current.members);
    for (const id of patch.members.remove) members.delete(id);
    for (const m of patch.members.put) members.set(m.userId, m.holdsSeat);
    const invites = new Map(current.invites);
    for (const id of patch.invites.remove) invites.delete(id);
    for (const i of patch.invites.put) invites.set(i.inviteId, i.status);
    current = { version, seatLimit: patch.set.seatLimit ?? current.seatLimit, members, invites };
    versions.push(current);
    changes.set(version, {
      put: patch.members.put.map((m) => m.userId),
      removed: [...patch.members.remove],
      traces: [...new Set(events.flatMap((e) => (e.traceparent ? [e.traceparent] : [])))],
    });
  }
  const last = sorted.at(-1)?.version ?? 0;
  const have = new Set(sorted.map((e) => e.version));
  const gaps = Array.from({ length: last }, (_, i) => i + 1).filter((v) => !have.has(v));
  return { teamId, versions, gaps, changes };
}

/** Every team's log replayed, and its projection. */
export async function readStoredTeams(databaseUri: string): Promise<Map<string, StoredTeam>> {
  const client = await MongoClient.connect(databaseUri, { serverSelectionTimeoutMS: 10_000 });
  try {
    const db = client.db();
    const entries = await db
      .collection<RawEntry>('team_log')
      .find({}, { projection: { teamId: 1, version: 1, patch: 1, events: 1 } })
      .toArray();
    const byTeam = new Map<string, RawEntry[]>();
    for (const entry of entries) byTeam.set(entry.teamId, [...(byTeam.get(entry.teamId) ?? []), entry]);
    const teams = new Map([...byTeam].map(([teamId, list]) => [teamId, replay(teamId, list)]));
    const projections = await db
      .collection<{
        _id: string;
        version: number;
        seatsUsed: number;
        members: Array<{ userId: string; holdsSeat: boolean }>;
      }>('teams')
      .find({}, { projection: { version: 1, seatsUsed: 1, members: 1 } })
      .toArray();
    for (const p of projections) {
      const team = teams.get(p._id);
      if (team)
        team.projection = {
          version: p.version,
          seatsUsed: p.seatsUsed,
          seatHolders: p.members.filter((m) => m.holdsSeat).map((m) => m.userId),
        };
    }
    return teams;
  } finally {
    await client.close();
  }
}

/** The seat rule at every stored version: seats held ≤ limit, and held + pending invites ≤ limit. */
export function seatViolations(team: StoredTeam): string[] {
  return team.versions.flatMap((v) => {
    const held = seatsHeld(v);
    const reserved = held + pendingInvites(v);
    return reserved > v.seatLimit
      ? [`${team.teamId} v${v.version}: ${held} seats held + ${reserved - held} invites of ${v.seatLimit}`]
      : [];
  });
}

export const maxSeatsHeld = (team: StoredTeam) => Math.max(0, ...team.versions.map(seatsHeld));
export const maxSeatsReserved = (team: StoredTeam) =>
  Math.max(0, ...team.versions.map((v) => seatsHeld(v) + pendingInvites(v)));

import type { Member__Output } from '@teamseat/grpc';
import { call, type Clients } from './grpc-clients';
import { isRefusal, type LoadTeam, type Outcome, type RosterLoadResult } from './roster-load';
import { seatHolders, type StoredTeam } from './stored-teams';

/** Every call's log entries, found by the traceparent it sent (team-service stores it in the events). */
export function appliedCalls(stored: Map<string, StoredTeam>): Map<string, number[]> {
  const applied = new Map<string, number[]>();
  for (const team of stored.values())
    for (const [version, change] of team.changes)
      for (const trace of change.traces) applied.set(trace, [...(applied.get(trace) ?? []), version]);
  return applied;
}

const joins = (o: Outcome) => o.method !== 'RemoveMember';

/**
 * Answers against the log: an OK call wrote exactly one entry, at the version it reported, changing that
 * user as the method says; a refused call wrote none; a call with an uncertain answer wrote at most one.
 */
export function answersAgainstLog(
  load: RosterLoadResult,
  stored: Map<string, StoredTeam>,
  applied: Map<string, number[]>,
): string[] {
  return load.outcomes.flatMap((o) => {
    const versions = applied.get(o.trace) ?? [];
    const what = `${o.method} ${o.userId} (${o.code === 0 ? 'OK' : o.code}) wrote ${versions.length} entries`;
    if (o.code === 0) {
      const change = stored.get(o.teamId)?.changes.get(o.version ?? -1);
      const changed = (joins(o) ? change?.put : change?.removed)?.includes(o.userId);
      return versions.length === 1 && versions[0] === o.version && changed
        ? []
        : [`${what}, reported v${o.version}`];
    }
    if (isRefusal(o.code)) return versions.length === 0 ? [] : [what];
    return versions.length <= 1 ? [] : [what];
  });
}

/**
 * The final stored roster against the calls: each user holds a seat exactly when the last of their calls
 * that took effect (an OK answer, or an uncertain one the log shows applied) added them; the entries of a
 * user's calls are in the order the calls were made.
 */
export function rosterAgainstCalls(
  load: RosterLoadResult,
  stored: Map<string, StoredTeam>,
  applied: Map<string, number[]>,
): string[] {
  const byUser = new Map<string, Outcome[]>();
  for (const o of load.outcomes) byUser.set(o.userId, [...(byUser.get(o.userId) ?? []), o]);
  const problems: string[] = [];
  for (const [userId, user] of load.users) {
    const effective = (byUser.get(userId) ?? [])
      .filter((o) => applied.has(o.trace))
      .sort((a, b) => a.seq - b.seq);
    const versions = effective.map((o) => applied.get(o.trace)![0]!);
    if (versions.some((v, i) => i > 0 && v <= versions[i - 1]!))
      problems.push(`${userId}: calls applied out of order (${versions.join(', ')})`);
    const last = effective.at(-1);
    const head = stored.get(user.teamId)?.versions.at(-1);
    const seated = head !== undefined && seatHolders(head).includes(userId);
    const wanted = last !== undefined && joins(last);
    if (seated !== wanted)
      problems.push(
        `${userId}: ${seated ? 'holds' : 'has no'} seat; last applied call: ${last?.method ?? 'none'}`,
      );
  }
  return problems;
}

/** Invites that more than one caller was told they accepted. */
export function invitesAcceptedTwice(load: RosterLoadResult): string[] {
  const winners = new Map<string, string[]>();
  for (const o of load.outcomes)
    if (o.method === 'AcceptInvite' && o.code === 0)
      winners.set(o.inviteId!, [...(winners.get(o.inviteId!) ?? []), o.userId]);
  return [...winners]
    .filter(([, users]) => users.length > 1)
    .map(([id, users]) => `${id}: ${users.join(', ')}`);
}

/** The `teams` projection is the log at its version, never ahead of it. */
export function projectionMismatches(stored: StoredTeam[]): string[] {
  return stored.flatMap((team) => {
    const p = team.projection;
    const at = team.versions.find((v) => v.version === p?.version);
    if (!p || !at) return [`${team.teamId}: projection at v${p?.version} has no log entry`];
    const expected = seatHolders(at).sort().join(',');
    return [...p.seatHolders].sort().join(',') === expected && p.seatsUsed === seatHolders(at).length
      ? []
      : [`${team.teamId}: projection at v${p.version} differs from the log's roster`];
  });
}

/** What ListMembers serves (readers catch up from the log) against the log's last version. */
export async function servedRosterMismatches(
  clients: Clients,
  teams: LoadTeam[],
  stored: Map<string, StoredTeam>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const team of teams) {
    const served: string[] = [];
    let pageToken = '';
    do {
      const page = await call<{ members: Member__Output[]; nextPageToken: string }>(
        clients.teams,
        'ListMembers',
        {
          teamId: team.teamId,
          actorUserId: team.owner,
          pageSize: 500,
          pageToken,
        },
      );
      served.push(...page.members.filter((m) => m.userId !== team.owner).map((m) => m.userId));
      pageToken = page.nextPageToken;
    } while (pageToken);
    const head = stored.get(team.teamId)?.versions.at(-1);
    const expected = head ? seatHolders(head).sort().join(',') : '';
    if (served.sort().join(',') !== expected)
      problems.push(`${team.teamId}: ListMembers differs from the log`);
  }
  return problems;
}

/** Surprises of users with an earlier uncertain answer that no late write of theirs (an applied uncertain call) explains. */
export function unexplainedSurprises(load: RosterLoadResult, applied: Map<string, number[]>): string[] {
  return [...load.surprisesAfterUncertain].flatMap(([userId, what]) =>
    load.outcomes.some(
      (o) => o.userId === userId && o.code !== 0 && !isRefusal(o.code) && applied.has(o.trace),
    )
      ? []
      : [`${userId}: ${what}`],
  );
}

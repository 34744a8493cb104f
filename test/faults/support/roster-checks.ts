import type { Member__Output } from '@teamseat/grpc';
import { call, type Clients } from './grpc-clients';
import type { LoadTeam, RosterLoadResult } from './roster-load';
import { seatHolders, type StoredTeam } from './stored-teams';

/** Every OK answer's change is in the log entry of the version it reported. */
export function okAnswersNotStored(load: RosterLoadResult, stored: Map<string, StoredTeam>): string[] {
  return load.outcomes
    .filter((o) => o.code === 0)
    .flatMap((o) => {
      const change = stored.get(o.teamId)?.changes.get(o.version ?? -1);
      const inEntry = o.method === 'RemoveMember' ? change?.removed : change?.put;
      return inEntry?.includes(o.userId)
        ? []
        : [`${o.method} ${o.userId} answered OK at v${o.version} of ${o.teamId}, which does not hold it`];
    });
}

/**
 * The final stored roster against the answers: a user whose last OK call added them holds a seat, one
 * whose last OK call removed them (or who never got one) does not. Users with an uncertain answer are judged
 * only by convergence.
 */
export function rosterMismatches(load: RosterLoadResult, stored: Map<string, StoredTeam>): string[] {
  const problems: string[] = [];
  for (const [userId, user] of load.users) {
    if (user.uncertain) continue;
    const head = stored.get(user.teamId)?.versions.at(-1);
    const seated = head !== undefined && seatHolders(head).includes(userId);
    if (seated !== user.member)
      problems.push(
        `${userId}: ${seated ? 'holds' : 'has no'} seat in ${user.teamId}, answers say ${user.member}`,
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
export function projectionMismatches(stored: Map<string, StoredTeam>): string[] {
  return [...stored.values()].flatMap((team) => {
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

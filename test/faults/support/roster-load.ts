import { status, type TeamServiceClient } from '@teamseat/grpc';
import { call, codeOf } from './grpc-clients';
import { sleep } from './load';

export type RosterMethod = 'AddMember' | 'RemoveMember' | 'AcceptInvite';

/** A team under load: its owner (the actor of adds and removes), the users the load moves, its invites. */
export interface LoadTeam {
  teamId: string;
  owner: string;
  pool: string[];
  invites: Array<{ inviteId: string; token: string }>;
}

export interface Outcome {
  method: RosterMethod;
  userId: string;
  teamId: string;
  /** 0: OK. */
  code: number;
  /** The team version an OK answer reported. */
  version?: number;
  inviteId?: string;
}

/** What the load believes of one user, from the answers it got; its calls never overlap. */
export interface UserState {
  teamId: string;
  member: boolean;
  busy: boolean;
  /**
   * An answer that does not say whether the call took effect (UNAVAILABLE from a killed replica, a deadline):
   * the load leaves the user alone from then on, and the checks judge it only by convergence.
   */
  uncertain: boolean;
}

/** Answers that say the call changed nothing: the decision refused it. */
const REFUSALS = new Set([
  status.INVALID_ARGUMENT,
  status.NOT_FOUND,
  status.ALREADY_EXISTS,
  status.PERMISSION_DENIED,
  status.RESOURCE_EXHAUSTED,
  status.FAILED_PRECONDITION,
]);

export interface RosterLoadResult {
  outcomes: Outcome[];
  users: Map<string, UserState>;
  sent: number;
  /** Calls the schedule wanted but no user of the chosen team was idle. */
  skipped: number;
  /** Answers a user's own history contradicts (a believed member told NOT_A_MEMBER, and the reverse). */
  surprises: string[];
  durationMs: number;
  maxInFlight: number;
}

/**
 * AddMember / RemoveMember / AcceptInvite at `ratePerSecond` for `durationMs` (open loop: the schedule does not
 * wait for answers). Each invite is accepted by up to three users of its team at once, at a random moment;
 * otherwise a call removes a member (`removeShare`) or adds a pool user, on a random team.
 */
export async function rosterLoad({
  client,
  teams,
  ratePerSecond,
  durationMs,
  removeShare,
}: {
  client: TeamServiceClient;
  teams: LoadTeam[];
  ratePerSecond: number;
  durationMs: number;
  removeShare: number;
}): Promise<RosterLoadResult> {
  const users = new Map<string, UserState>();
  for (const team of teams)
    for (const userId of team.pool)
      users.set(userId, { teamId: team.teamId, member: false, busy: false, uncertain: false });
  const outcomes: Outcome[] = [];
  const surprises: string[] = [];
  const inFlight = new Set<Promise<void>>();
  let [sent, skipped, maxInFlight] = [0, 0, 0];
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
  const idle = (team: LoadTeam, member: boolean) =>
    team.pool.filter((u) => {
      const s = users.get(u)!;
      return !s.busy && !s.uncertain && s.member === member;
    });

  function send(method: RosterMethod, userId: string, team: LoadTeam, request: object, inviteId?: string) {
    const state = users.get(userId)!;
    state.busy = true;
    sent += 1;
    const done = call<{ team?: { version?: string | number } }>(client, method, request)
      .then((response) => {
        outcomes.push({
          method,
          userId,
          teamId: team.teamId,
          code: 0,
          version: Number(response.team?.version),
          inviteId,
        });
        if (state.member === (method !== 'RemoveMember'))
          surprises.push(`${method} ${userId}: OK, yet believed ${state.member ? 'member' : 'not a member'}`);
        state.member = method !== 'RemoveMember';
      })
      .catch((error: unknown) => {
        const code = codeOf(error) ?? -1;
        outcomes.push({ method, userId, teamId: team.teamId, code, inviteId });
        if (!REFUSALS.has(code)) state.uncertain = true;
        else if (code === status.ALREADY_EXISTS && !state.member)
          surprises.push(`${method} ${userId}: ALREADY_EXISTS, yet not a member`);
        else if (code === status.NOT_FOUND && method === 'RemoveMember' && state.member)
          surprises.push(`RemoveMember ${userId}: NOT_FOUND, yet a member`);
      })
      .finally(() => {
        state.busy = false;
        inFlight.delete(done);
      });
    inFlight.add(done);
    maxInFlight = Math.max(maxInFlight, inFlight.size);
  }

  // Each invite's moment in the run; its racers go first when it is due.
  const acceptsDue = teams
    .flatMap((team) =>
      team.invites.map((invite) => ({ team, invite, atMs: (0.05 + 0.85 * Math.random()) * durationMs })),
    )
    .sort((a, b) => a.atMs - b.atMs);
  const acceptQueue: Array<() => boolean> = [];

  function issue(elapsedMs: number) {
    while (acceptsDue.length > 0 && acceptsDue[0]!.atMs <= elapsedMs) {
      const { team, invite } = acceptsDue.shift()!;
      for (const userId of idle(team, false)
        .sort(() => Math.random() - 0.5)
        .slice(0, 3))
        acceptQueue.push(() => {
          if (users.get(userId)!.busy) return false;
          send('AcceptInvite', userId, team, { token: invite.token, actorUserId: userId }, invite.inviteId);
          return true;
        });
    }
    const accept = acceptQueue.shift();
    if (accept) return accept() || void (skipped += 1);
    const team = pick(teams)!;
    const remove = Math.random() < removeShare;
    const userId = pick(idle(team, remove));
    if (userId === undefined) return void (skipped += 1);
    const request = { teamId: team.teamId, userId, actorUserId: team.owner };
    send(remove ? 'RemoveMember' : 'AddMember', userId, team, request);
  }

  const started = Date.now();
  let issued = 0;
  for (let elapsed = 0; elapsed < durationMs; elapsed = Date.now() - started) {
    const due = Math.floor((elapsed / 1_000) * ratePerSecond);
    for (; issued < due; issued += 1) issue(elapsed);
    await sleep(20);
  }
  const loadMs = Date.now() - started;
  while (inFlight.size > 0) await Promise.all([...inFlight]);
  return { outcomes, users, sent, skipped, surprises, durationMs: loadMs, maxInFlight };
}

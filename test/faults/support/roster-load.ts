import { randomBytes } from 'node:crypto';
import { Metadata, status, type TeamServiceClient } from '@teamseat/grpc';
import { codeOf } from './grpc-clients';
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
  /** The call's W3C traceparent: team-service stores it in the events of the log entry the call wrote. */
  trace: string;
  /** The user's calls never overlap: this orders them. */
  seq: number;
  ms: number;
  /** When it was sent, from the start of the load. */
  atMs: number;
  /** The team version an OK answer reported. */
  version?: number;
  inviteId?: string;
}

/**
 * What the load believes of one user, from the answers it got; its calls never overlap. `member` is
 * undefined after an answer that does not say whether the call took effect (UNAVAILABLE from a killed
 * replica, a deadline), until an answer says again; the stored log tells what happened (roster-checks.ts).
 */
export interface UserState {
  teamId: string;
  member: boolean | undefined;
  busy: boolean;
  calls: number;
  /** A call of this user got an uncertain answer: its write may land after later calls were answered. */
  hadUncertain: boolean;
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
  /**
   * Answers a user's own history contradicts (a believed member told NOT_A_MEMBER, and the reverse), for
   * users whose every earlier call got a definite answer; and by user, those of users with an earlier
   * uncertain answer (explained only if the log shows that call applied: a write landing after its deadline).
   */
  surprises: string[];
  surprisesAfterUncertain: Map<string, string>;
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
      users.set(userId, { teamId: team.teamId, member: false, busy: false, calls: 0, hadUncertain: false });
  const outcomes: Outcome[] = [];
  const surprises: string[] = [];
  const surprisesAfterUncertain = new Map<string, string>();
  const surprise = (state: UserState, userId: string, what: string) =>
    state.hadUncertain ? surprisesAfterUncertain.set(userId, what) : surprises.push(`${userId}: ${what}`);
  const inFlight = new Set<Promise<void>>();
  let [sent, skipped, maxInFlight] = [0, 0, 0];
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
  const idle = (team: LoadTeam, member: boolean) =>
    team.pool.filter((u) => {
      const s = users.get(u)!;
      return !s.busy && (s.member === member || s.member === undefined);
    });
  const started = Date.now();

  function send(method: RosterMethod, userId: string, team: LoadTeam, request: object, inviteId?: string) {
    const state = users.get(userId)!;
    state.busy = true;
    sent += 1;
    const trace = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
    const base = { method, userId, teamId: team.teamId, trace, seq: (state.calls += 1), inviteId };
    const atMs = Date.now() - started;
    const done = traced<{ team?: { version?: string | number } }>(client, method, request, trace)
      .then((response) => {
        const ms = Date.now() - started - atMs;
        outcomes.push({ ...base, code: 0, version: Number(response.team?.version), ms, atMs });
        const joins = method !== 'RemoveMember';
        if (state.member === joins) surprise(state, userId, `${method} OK, yet believed ${state.member}`);
        state.member = joins;
      })
      .catch((error: unknown) => {
        const code = codeOf(error) ?? -1;
        outcomes.push({ ...base, code, ms: Date.now() - started - atMs, atMs });
        state.member = believedAfterRefusal(method, code, state.member, (s) =>
          surprise(state, userId, `${method} ${s}`),
        );
        if (!isRefusal(code)) state.hadUncertain = true;
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

  let issued = 0;
  for (let elapsed = 0; elapsed < durationMs; elapsed = Date.now() - started) {
    const due = Math.floor((elapsed / 1_000) * ratePerSecond);
    for (; issued < due; issued += 1) issue(elapsed);
    await sleep(20);
  }
  const loadMs = Date.now() - started;
  while (inFlight.size > 0) await Promise.all([...inFlight]);
  return {
    outcomes,
    users,
    sent,
    skipped,
    surprises,
    surprisesAfterUncertain,
    durationMs: loadMs,
    maxInFlight,
  };
}

/** The call changed nothing: the decision refused it. */
export const isRefusal = (code: number) => REFUSALS.has(code);

/** What a refusal says of membership (a surprise when it contradicts what the user's answers said). */
function believedAfterRefusal(
  method: RosterMethod,
  code: number,
  member: boolean | undefined,
  surprise: (what: string) => void,
): boolean | undefined {
  if (!REFUSALS.has(code)) return undefined;
  // ALREADY_MEMBER: on the roster. NOT_A_MEMBER (RemoveMember's NOT_FOUND), or AddMember out of seats
  // (checked after membership): not on it.
  const says =
    code === status.ALREADY_EXISTS
      ? true
      : (code === status.NOT_FOUND && method === 'RemoveMember') ||
          (code === status.RESOURCE_EXHAUSTED && method === 'AddMember')
        ? false
        : undefined;
  if (says === undefined) return member;
  if (member !== undefined && member !== says) surprise(`${status[code]}, yet believed ${member}`);
  return says;
}

/** One unary call with a 10 s deadline (a patient app backend) and its own trace context. */
function traced<Res>(client: TeamServiceClient, method: string, request: object, traceparent: string) {
  const metadata = new Metadata();
  metadata.set('traceparent', traceparent);
  return new Promise<Res>((resolve, reject) => {
    const fn = (client as unknown as Record<string, (...args: unknown[]) => void>)[method]!;
    fn.call(
      client,
      request,
      metadata,
      { deadline: Date.now() + 10_000 },
      (error: Error | null, response: Res) => (error ? reject(error) : resolve(response)),
    );
  });
}

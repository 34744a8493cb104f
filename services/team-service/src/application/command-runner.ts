import { AppError } from '@teamseat/errors';
import type { Decision, DecisionContext } from '../domain/decision';
import type { EventMeta, TeamRepository, TeamViews } from './ports';
import type { Team } from '../domain/team';
import { contention, teamNotFound } from '../domain/team-errors';
import { grantScopeOf, type GrantScope } from '../domain/member-grants';

export interface CallOptions {
  /** The gRPC deadline; no new attempt starts after it. */
  deadline?: Date | number;
  meta?: Partial<EventMeta>;
}

export interface RunnerDeps {
  teams: TeamRepository;
  views: TeamViews;
  now: () => Date;
  newId: () => string;
  newSecret: () => string;
  /** Called after every committed change: wakes the outbox relay. */
  onChanged?: (teamId: string) => void;
  /** A derived view could not be refreshed right away; the relay repairs it. */
  onViewError?: (error: unknown, teamId: string) => void;
  /** Another write took the version this decision was made on (another process: see `run`). */
  onConflict?: (teamId: string, attempt: number) => void;
  maxAttempts?: number;
  /** Teams whose last known state is kept: decisions are first made on it (see below). */
  cachedTeams?: number;
  /**
   * A change concerning at most this many users refreshes their listing entries before the call returns;
   * a larger one (an expiry, a shrink) leaves them to the relay, which writes them slice by slice ahead
   * of the events (the team's summary is always refreshed at once).
   */
  syncViewUsers?: number;
}

export type Runner = ReturnType<typeof createCommandRunner>;
type Decide<Result> = (team: Team, ctx: DecisionContext) => Decision<Result>;

/**
 * Decide → append, again on the refreshed team when another write took the version (ADR 0024).
 * Decisions are pure; the append of version n + 1 lands only if nobody else wrote it, so a decision
 * that lands was made on the latest state, whichever process or connection made it.
 *
 * The first decision is made on the last state this process saw (a team at version n is the same
 * forever), without reading the team: when it is stale the append fails, the team is brought forward
 * from the log (small point reads, not the whole team) and the decision is made again. A decision that
 * refuses or changes nothing on such a guess is checked against the refreshed team before it is believed.
 */
export function createCommandRunner(deps: RunnerDeps) {
  const { teams, views, maxAttempts = 25, cachedTeams = 10_000, syncViewUsers = 100 } = deps;
  const recent = new Map<string, Team>();
  /** team → the command of this process running on it: one at a time, so they never race each other. */
  const lanes = new Map<string, Promise<unknown>>();

  function inLane<T>(teamId: string, work: () => Promise<T>): Promise<T> {
    const run = (lanes.get(teamId) ?? Promise.resolve()).catch(() => undefined).then(work);
    lanes.set(teamId, run);
    void run
      .finally(() => {
        if (lanes.get(teamId) === run) lanes.delete(teamId);
      })
      .catch(() => undefined);
    return run;
  }

  function remember(team: Team): void {
    const known = recent.get(team.teamId);
    if (known && known.version > team.version) return;
    recent.delete(team.teamId);
    recent.set(team.teamId, team);
    if (recent.size > cachedTeams) recent.delete(recent.keys().next().value as string);
  }

  const context = (): DecisionContext => ({ now: deps.now(), newId: deps.newId, newSecret: deps.newSecret });
  const metaOf = (options: CallOptions): EventMeta => ({
    causationId: options.meta?.causationId ?? null,
    traceparent: options.meta?.traceparent ?? null,
  });

  function checkDeadline(options: CallOptions): void {
    const deadline = options.deadline instanceof Date ? options.deadline.getTime() : options.deadline;
    if (deadline !== undefined && Number.isFinite(deadline) && deadline <= Date.now()) {
      throw new AppError('DEADLINE_EXCEEDED', 'the deadline passed before the change could be made');
    }
  }

  /**
   * After a commit: the caller sees the change in listings at once (for a mass change, in the summary at
   * once and in users' listings as the relay publishes); the relay is woken.
   */
  async function committed(team: Team, grants: GrantScope): Promise<void> {
    remember(team);
    // The users who joined, left or changed seat: their lists of teams may have changed.
    const users = grants.userIds;
    try {
      await views.refresh(team, users.length <= syncViewUsers ? users : []);
    } catch (error) {
      deps.onViewError?.(error, team.teamId);
    }
    deps.onChanged?.(team.teamId);
  }

  /** Waits a little, at random, so racing writers do not collide again in step. */
  async function backoff(attempt: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * attempt)));
  }

  async function current(teamId: string, known: Team | undefined): Promise<Team> {
    const team = known ? await teams.refresh(known) : await teams.load(teamId);
    if (!team) throw teamNotFound(teamId);
    remember(team);
    return team;
  }

  return {
    context,
    metaOf,
    checkDeadline,
    committed,

    /**
     * Runs `decide` on the current team until its write lands; throws what the decision throws. Commands
     * of this process on one team run one after another (each still decides on the latest state), so
     * only writers in other processes can take a version first: a burst of adds to a large team does not
     * turn into every caller retrying against every other (ADR 0026).
     */
    run<Result>(
      teamId: string,
      decide: Decide<Result>,
      options: CallOptions = {},
    ): Promise<{ team: Team; result: Result; changed: boolean }> {
      return inLane(teamId, () => decideAndAppend(teamId, decide, options));
    },
  };

  async function decideAndAppend<Result>(
    teamId: string,
    decide: Decide<Result>,
    options: CallOptions,
  ): Promise<{ team: Team; result: Result; changed: boolean }> {
    const meta = metaOf(options);
    checkDeadline(options);
    let team = recent.get(teamId);
    let fresh = false;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      checkDeadline(options);
      if (!team) {
        team = await current(teamId, undefined);
        fresh = true;
      }
      let decision: Decision<Result>;
      try {
        decision = decide(team, context());
      } catch (error) {
        if (fresh) throw error;
        team = await current(teamId, team); // a guess may be stale: let the latest state name the rule
        fresh = true;
        continue;
      }
      if (decision.events.length === 0) {
        if (!fresh) {
          team = await current(teamId, team);
          fresh = true;
          continue;
        }
        const mark = decision.next.subscriptionStateAt;
        if (mark && (!team.subscriptionStateAt || mark > team.subscriptionStateAt)) {
          await teams.advanceWatermark(teamId, mark);
        }
        return { team: decision.next, result: decision.result, changed: false };
      }
      const grants = grantScopeOf(team, decision.next);
      if (await teams.append(team, decision.next, decision.events, grants, meta)) {
        await committed(decision.next, grants);
        return { team: decision.next, result: decision.result, changed: true };
      }
      // Another write took this version: decide again on the team as it is now.
      deps.onConflict?.(teamId, attempt);
      if (attempt > 1) await backoff(attempt);
      team = await current(teamId, team);
      fresh = true;
    }
    throw contention(teamId);
  }
}

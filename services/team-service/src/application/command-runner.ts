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
  maxAttempts?: number;
  /** Teams whose last known state is kept for optimistic writes. */
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
 * Load → decide → write, retried when another write got in first. Decisions are pure; one made on a
 * stale snapshot is made again on a fresh one, so every rule is checked against the state the write
 * lands on (the write's filter guarantees it: a version check, or for adds the seat guard).
 *
 * A decision that may be written as a guarded append (AddMember) is first tried on the last state this
 * process saw, without reading the team: the guard in the update's filter re-checks everything the
 * decision relied on, so a stale snapshot only costs a failed attempt, after which the normal path
 * reads the team and decides again (and names the rule that failed).
 */
export function createCommandRunner(deps: RunnerDeps) {
  const { teams, views, maxAttempts = 25, cachedTeams = 10_000, syncViewUsers = 100 } = deps;
  const recent = new Map<string, Team>();

  function remember(team: Team): void {
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

  async function write(
    team: Team,
    decision: Decision<unknown>,
    grants: GrantScope,
    meta: EventMeta,
  ): Promise<Team | null> {
    const { events } = decision;
    if (decision.append) return teams.appendMember(team.teamId, decision.append, events, grants, meta);
    return (await teams.replace(team, decision.next, events, grants, meta)) ? decision.next : null;
  }

  /** The optimistic attempt; null when it does not apply or its guard failed. */
  async function tryOptimistic<Result>(
    teamId: string,
    decide: Decide<Result>,
    meta: EventMeta,
  ): Promise<{ team: Team; result: Result; changed: boolean } | null> {
    const cached = recent.get(teamId);
    if (!cached) return null;
    let decision: Decision<Result>;
    try {
      decision = decide(cached, context());
    } catch {
      return null; // the cache may be stale: let a fresh read name the rule
    }
    if (!decision.append) return null;
    // The guard holds the team-wide terms (termsVersion), so only the new member's grant changes.
    const grants = grantScopeOf(cached, decision.next);
    const written = await teams.appendMember(teamId, decision.append, decision.events, grants, meta);
    if (!written) return null;
    await committed(written, grants);
    return { team: written, result: decision.result, changed: true };
  }

  async function backoff(attempt: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * attempt)));
  }

  return {
    context,
    metaOf,
    checkDeadline,
    committed,

    /** Runs `decide` on the current team until its write lands; throws what the decision throws. */
    async run<Result>(
      teamId: string,
      decide: Decide<Result>,
      options: CallOptions = {},
    ): Promise<{ team: Team; result: Result; changed: boolean }> {
      const meta = metaOf(options);
      checkDeadline(options);
      const optimistic = await tryOptimistic(teamId, decide, meta);
      if (optimistic) return optimistic;
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        checkDeadline(options);
        const team = await teams.load(teamId);
        if (!team) throw teamNotFound(teamId);
        remember(team);
        const decision = decide(team, context());
        if (decision.events.length === 0) {
          const mark = decision.next.subscriptionStateAt;
          if (mark && (!team.subscriptionStateAt || mark > team.subscriptionStateAt)) {
            await teams.advanceWatermark(teamId, mark);
          }
          return { team: decision.next, result: decision.result, changed: false };
        }
        const grants = grantScopeOf(team, decision.next);
        const written = await write(team, decision, grants, meta);
        if (written) {
          await committed(written, grants);
          return { team: written, result: decision.result, changed: true };
        }
        await backoff(attempt);
      }
      throw contention(teamId);
    },
  };
}

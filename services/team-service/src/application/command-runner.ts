import { AppError } from '@teamseat/errors';
import type { DecisionContext } from '../domain/decision';
import { decideBatch, type BatchDecision, type Decide } from '../domain/decide-batch';
import type { EventMeta, LoggedEvent, TeamRepository, TeamViews } from './ports';
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
  /** At most this many queued commands on one team are decided and written as one log entry (ADR 0028). */
  maxBatch?: number;
}

export type Runner = ReturnType<typeof createCommandRunner>;

export interface Outcome<Result> {
  team: Team;
  result: Result;
  changed: boolean;
}

/** A caller's command waiting for its team's lane. */
interface Queued {
  decide: Decide;
  options: CallOptions;
  resolve: (outcome: Outcome<unknown>) => void;
  reject: (error: unknown) => void;
}

/**
 * Decide → append, again on the refreshed team when another write took the version (ADR 0024).
 * Decisions are pure; the append of version n + 1 lands only if nobody else wrote it, so a decision
 * that lands was made on the latest state, whichever process or connection made it.
 *
 * Commands of this process on one team never race each other: one batch at a time is decided and
 * written, and the commands that arrive meanwhile wait and form the next batch, decided as one change and
 * written as ONE log entry (ADR 0028). Each caller gets its own result or its own refusal; a refused
 * command does not fail its neighbours. A burst of joins then costs one entry, one marker, one
 * projection step and one relay round per batch instead of per join.
 *
 * The first decision is made on the last state this process saw (a team at version n is the same
 * forever), without reading the team: when it is stale the append fails, the team is brought forward
 * from the log (small point reads, not the whole team) and the batch is decided again. A batch in which a
 * command refuses or changes nothing on such a guess is decided again on the refreshed team before the
 * refusal is believed.
 */
export function createCommandRunner(deps: RunnerDeps) {
  const { teams, views, maxAttempts = 25, cachedTeams = 10_000, syncViewUsers = 100, maxBatch = 100 } = deps;
  const recent = new Map<string, Team>();
  /** team → the commands waiting for its lane; a team is in the map while its lane runs. */
  const queues = new Map<string, Queued[]>();

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

  /**
   * Runs the team's lane until nobody waits: one batch of the waiting commands at a time. A batch holds
   * the lane while it decides and appends; its views refresh and its answers overlap the next batch.
   */
  async function drain(teamId: string, queue: Queued[]): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      const fail = (error: unknown) => {
        for (const command of batch) command.reject(error); // a settled promise ignores this
      };
      try {
        const appended = await decideAndAppend(teamId, batch);
        appended?.answered.catch(fail);
      } catch (error) {
        fail(error);
      }
    }
    queues.delete(teamId);
  }

  return {
    context,
    metaOf,
    checkDeadline,
    committed,

    /**
     * Runs `decide` on the current team until its write lands; throws what the decision throws. The
     * commands of this process on one team are decided in arrival order, in batches (see above).
     */
    run<Result>(teamId: string, decide: Decide<Result>, options: CallOptions = {}): Promise<Outcome<Result>> {
      return new Promise<Outcome<Result>>((resolve, reject) => {
        const command: Queued = { decide, options, resolve: resolve as Queued['resolve'], reject };
        const queue = queues.get(teamId);
        if (queue) {
          queue.push(command);
          return;
        }
        const fresh = [command];
        queues.set(teamId, fresh);
        void drain(teamId, fresh);
      });
    },
  };

  /** Answers each command of a decided batch with its own outcome. */
  function settle(batch: Queued[], decision: BatchDecision): void {
    decision.outcomes.forEach((outcome, index) => {
      const command = batch[index]!;
      if (outcome.ok)
        command.resolve({ team: decision.next, result: outcome.result, changed: outcome.changed });
      else command.reject(outcome.error);
    });
  }

  /** The commands whose deadline has not passed; the others are refused. */
  function inTime(batch: Queued[]): Queued[] {
    return batch.filter((command) => {
      try {
        checkDeadline(command.options);
        return true;
      } catch (error) {
        command.reject(error);
        return false;
      }
    });
  }

  /**
   * Decides the batch and appends it; resolves once it is in the log (or answered, when nothing was
   * written), with the answers still to come after the views refresh.
   */
  async function decideAndAppend(
    teamId: string,
    queued: Queued[],
  ): Promise<{ answered: Promise<void> } | undefined> {
    let batch = queued;
    let team = recent.get(teamId);
    let fresh = false;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      batch = inTime(batch);
      if (batch.length === 0) return undefined;
      if (!team) {
        team = await current(teamId, undefined);
        fresh = true;
      }
      const decision = decideBatch(
        team,
        batch.map((command) => command.decide),
        context(),
      );
      if (!fresh && decision.outcomes.some((outcome) => !outcome.ok || !outcome.changed)) {
        team = await current(teamId, team); // a guess may be stale: let the latest state name the rule
        fresh = true;
        continue;
      }
      if (decision.events.length === 0) {
        const mark = decision.next.subscriptionStateAt;
        if (mark && (!team.subscriptionStateAt || mark > team.subscriptionStateAt)) {
          await teams.advanceWatermark(teamId, mark);
        }
        settle(batch, decision);
        return undefined;
      }
      const grants = grantScopeOf(team, decision.next);
      const events: LoggedEvent[] = decision.events.map(({ event, command }) => ({
        ...event,
        meta: metaOf(batch[command]!.options),
      }));
      const meta = metaOf(batch[batch.length - 1]!.options);
      if (await teams.append(team, decision.next, events, grants, meta)) {
        remember(decision.next); // the next batch decides on it while this one's views are refreshed
        const answered = batch;
        return { answered: committed(decision.next, grants).then(() => settle(answered, decision)) };
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

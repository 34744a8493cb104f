import { AppError } from '@teamseat/errors';
import type { Decision, DecisionContext } from './decision';
import type { EventMeta, TeamRepository, UserTeamsIndex } from './ports';
import type { Team } from './team';
import { contention, teamNotFound } from './team-errors';
import { rosterUsersOf } from './team-events';

export interface CallOptions {
  /** The gRPC deadline; no new attempt starts after it. */
  deadline?: Date | number;
  meta?: Partial<EventMeta>;
}

export interface RunnerDeps {
  teams: TeamRepository;
  userTeams: UserTeamsIndex;
  now: () => Date;
  newId: () => string;
  newSecret: () => string;
  /** Called after every committed change: wakes the outbox relay. */
  onChanged?: (teamId: string) => void;
  /** A derived index could not be updated right away; the relay repairs it. */
  onIndexError?: (error: unknown, teamId: string) => void;
  maxAttempts?: number;
}

export type Runner = ReturnType<typeof createCommandRunner>;

/**
 * Load → decide → write, retried when another write got in first. Decisions are pure; a decision made on
 * a stale snapshot is simply made again on a fresh one, so every rule is checked against the state the
 * write lands on (the write's filter guarantees it: a version check, or for adds the seat guard).
 */
export function createCommandRunner(deps: RunnerDeps) {
  const { teams, userTeams, maxAttempts = 25 } = deps;

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

  /** After a commit: the caller sees their change in ListTeamsOfUser at once; the relay is woken. */
  async function committed(team: Team, decision: Decision<unknown>): Promise<void> {
    const users = [...new Set(decision.events.flatMap((event) => rosterUsersOf(event)))];
    if (users.length > 0) {
      try {
        await userTeams.sync(team, users);
      } catch (error) {
        deps.onIndexError?.(error, team.teamId);
      }
    }
    deps.onChanged?.(team.teamId);
  }

  async function write(team: Team, decision: Decision<unknown>, meta: EventMeta): Promise<Team | null> {
    if (decision.append) return teams.appendMember(team.teamId, decision.append, decision.events, meta);
    return (await teams.replace(team.version, decision.next, decision.events, meta)) ? decision.next : null;
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
      decide: (team: Team, ctx: DecisionContext) => Decision<Result>,
      options: CallOptions = {},
    ): Promise<{ team: Team; result: Result; changed: boolean }> {
      const meta = metaOf(options);
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        checkDeadline(options);
        const team = await teams.load(teamId);
        if (!team) throw teamNotFound(teamId);
        const decision = decide(team, context());
        if (decision.events.length === 0) {
          const mark = decision.next.subscriptionStateAt;
          if (mark && (!team.subscriptionStateAt || mark > team.subscriptionStateAt)) {
            await teams.advanceWatermark(teamId, mark);
          }
          return { team: decision.next, result: decision.result, changed: false };
        }
        const written = await write(team, decision, meta);
        if (written) {
          await committed(written, decision);
          return { team: written, result: decision.result, changed: true };
        }
        await backoff(attempt);
      }
      throw contention(teamId);
    },
  };
}

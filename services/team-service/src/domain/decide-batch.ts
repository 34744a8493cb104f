import type { Decision, DecisionContext } from './decision';
import type { Team } from './team';
import type { PendingEvent } from './team-events';

export type Decide<Result = unknown> = (team: Team, ctx: DecisionContext) => Decision<Result>;

/** What one command of a batch came to: its own result, or its own refusal. */
export type BatchOutcome = { ok: true; result: unknown; changed: boolean } | { ok: false; error: unknown };

export interface BatchDecision {
  /** The team after every accepted command, one version after the input (the input when none changed). */
  next: Team;
  /** The events of the accepted commands in order, each with the index of the command that made it. */
  events: Array<{ event: PendingEvent; command: number }>;
  /** Per command, in the order given. */
  outcomes: BatchOutcome[];
}

/**
 * Decides several commands on one team as one change (ADR 0028): each on the team as the commands before
 * it left it, so the rules (seats, membership, roles) hold across the batch exactly as if the commands
 * had run one after another; a refused command leaves the team as it was and refuses only itself. The
 * batch is one version: the accepted commands' events all carry `team.version + 1`. Pure.
 */
export function decideBatch(team: Team, commands: readonly Decide[], ctx: DecisionContext): BatchDecision {
  let current = team;
  let changed = false;
  const events: BatchDecision['events'] = [];
  const outcomes = commands.map((decide, command): BatchOutcome => {
    try {
      const decision = decide(current, ctx);
      // A decision stamps one more version; within a batch every command decides at the batch's base.
      current = { ...decision.next, version: team.version };
      for (const event of decision.events) events.push({ event, command });
      changed ||= decision.events.length > 0;
      return { ok: true, result: decision.result, changed: decision.events.length > 0 };
    } catch (error) {
      return { ok: false, error };
    }
  });
  return { next: changed ? { ...current, version: team.version + 1 } : current, events, outcomes };
}

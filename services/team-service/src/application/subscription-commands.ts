import type { CallOptions, Runner } from './command-runner';
import { decideTransferOwnership, type TransferCommand } from '../domain/ownership-decisions';
import type { TeamKeyRegistry, TeamRepository } from './ports';
import {
  decideApplySubscriptionState,
  mayProvisionTeam,
  provisionTeam,
  type ApplyResult,
  type SubscriptionState,
} from '../domain/subscription-decisions';
import { describeLine, sameLine, type Team, type TeamLine } from '../domain/team';
import { contention, teamAlreadyOwned, teamNotFound } from '../domain/team-errors';
import { grantScopeOf } from '../domain/member-grants';

export type SubscriptionCommands = ReturnType<typeof createSubscriptionCommands>;

const MAX_ATTEMPTS = 10;
const MOVED = Symbol('team moved to another key');

/**
 * The internal use cases that touch a team's key (subscriber, management entitlement): applying a
 * subscription state (which may create the team) and transferring ownership. Key and team are two
 * documents, so the key is claimed first and always verified against the team it points to: a key left
 * behind by a crash is recognised as stale and taken over, never trusted.
 */
export function createSubscriptionCommands({
  runner,
  teams,
  keys,
}: {
  runner: Runner;
  teams: TeamRepository;
  keys: TeamKeyRegistry;
}) {
  const holds = (team: Team | null, subscriber: string, line: TeamLine): team is Team =>
    team !== null && team.subscriberUserId === subscriber && sameLine(team, line);

  async function teamOfKey(subscriber: string, line: TeamLine): Promise<Team | null> {
    const teamId = await keys.find(subscriber, line);
    // Caught up from what this process saw, not from the projection: a large team's projection may trail
    // its log by 2,000 entries (ADR 0026), and the decision itself runs on the runner's latest state anyway.
    const team = teamId ? await teams.latest(teamId) : null;
    return holds(team, subscriber, line) ? team : null;
  }

  /** Creates the team under `teamId`; false when another request got there first (look again). */
  async function create(
    state: SubscriptionState,
    teamId: string,
    options: CallOptions,
  ): Promise<Team | null> {
    const decision = provisionTeam(state, teamId, runner.context());
    const grants = grantScopeOf(null, decision.next);
    if (!(await teams.insert(decision.next, decision.events, grants, runner.metaOf(options)))) return null;
    await runner.committed(decision.next, grants);
    return decision.next;
  }

  async function apply(
    state: SubscriptionState,
    options: CallOptions = {},
  ): Promise<{ team: Team | null } & ApplyResult> {
    const { subscriberUserId: subscriber } = state;
    const line: TeamLine = state;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      runner.checkDeadline(options);
      const existing = await teamOfKey(subscriber, line);
      if (existing) {
        try {
          const outcome = await runner.run(
            existing.teamId,
            (team, ctx) => {
              // A store transfer may have moved the team away meanwhile: then look the key up again.
              if (!holds(team, subscriber, line)) throw MOVED;
              return decideApplySubscriptionState(team, state, ctx);
            },
            options,
          );
          return { team: outcome.team, ...outcome.result };
        } catch (error) {
          if (error === MOVED) continue;
          throw error;
        }
      }
      // An expired subscription without a team creates nothing, nor does a purchase under an anonymous id:
      // its team appears once the purchase moves to an identified id (ADR 0030).
      if (!mayProvisionTeam(state)) return { team: null, changed: false, removedUserIds: [] };

      const newId = runner.context().newId();
      const holder = await keys.claim(subscriber, line, newId);
      let created: Team | null = null;
      if (holder === newId) {
        created = await create(state, newId, options);
      } else {
        const other = await teams.load(holder);
        if (other === null) {
          // Another request is creating it right now, or a crash left the key alone: create it under that id.
          created = await create(state, holder, options);
        } else if (
          !holds(other, subscriber, line) &&
          (await keys.reassign(subscriber, line, holder, newId))
        ) {
          created = await create(state, newId, options);
        }
      }
      if (created) return { team: created, changed: true, removedUserIds: [] };
    }
    throw contention(`${subscriber}/${describeLine(line)}`);
  }

  async function transfer(
    command: TransferCommand & { teamId: string },
    options: CallOptions = {},
  ): Promise<{ team: Team; changed: boolean }> {
    if (command.kind === 'owner-initiated') {
      const outcome = await runner.run(
        command.teamId,
        (t, ctx) => decideTransferOwnership(t, command, ctx),
        options,
      );
      return { team: outcome.team, changed: outcome.result.changed };
    }
    const team = await teams.load(command.teamId);
    if (!team) throw teamNotFound(command.teamId);
    const line: TeamLine = team;
    const previousSubscriber = team.subscriberUserId;
    const newSubscriber = command.newOwnerUserId;
    if (previousSubscriber === newSubscriber) return { team, changed: false };

    const holder = await keys.claim(newSubscriber, line, team.teamId);
    if (holder !== team.teamId) {
      const other = await teams.load(holder);
      if (holds(other, newSubscriber, line)) throw teamAlreadyOwned(newSubscriber, describeLine(line));
      if (!(await keys.reassign(newSubscriber, line, holder, team.teamId))) throw contention(team.teamId);
    }
    try {
      const outcome = await runner.run(
        command.teamId,
        (t, ctx) => decideTransferOwnership(t, command, ctx),
        options,
      );
      await keys.release(previousSubscriber, line, team.teamId);
      return { team: outcome.team, changed: outcome.result.changed };
    } catch (error) {
      const now = await teams.load(command.teamId);
      if (now?.subscriberUserId !== newSubscriber) await keys.release(newSubscriber, line, team.teamId);
      throw error;
    }
  }

  return { applySubscriptionState: apply, transferOwnership: transfer, teamOfKey };
}

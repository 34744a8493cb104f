import type { CallOptions, Runner } from './command-runner';
import { decideDeadlines } from '../domain/deadline-decisions';
import {
  decideAcceptInvite,
  decideInvite,
  decideResendInvite,
  decideRevokeInvite,
} from '../domain/invite-decisions';
import type { ParsedInviteToken } from '../domain/invite-token';
import {
  decideAddMember,
  decideGrantAdmin,
  decideLeaveTeam,
  decideRemoveMember,
  decideRevokeAdmin,
} from '../domain/roster-decisions';

export type TeamCommands = ReturnType<typeof createTeamCommands>;

/** The roster and invite use cases: each one decision run against the current team. */
export function createTeamCommands({ runner }: { runner: Runner }) {
  return {
    addMember: (c: { teamId: string; userId: string; actor: string }, options?: CallOptions) =>
      runner.run(c.teamId, (team, ctx) => decideAddMember(team, c, ctx), options),

    removeMember: (c: { teamId: string; userId: string; actor: string }, options?: CallOptions) =>
      runner.run(c.teamId, (team, ctx) => decideRemoveMember(team, c, ctx), options),

    leaveTeam: (c: { teamId: string; actor: string }, options?: CallOptions) =>
      runner.run(c.teamId, (team, ctx) => decideLeaveTeam(team, c, ctx), options),

    grantAdmin: (c: { teamId: string; userId: string; actor: string }, options?: CallOptions) =>
      runner.run(c.teamId, (team, ctx) => decideGrantAdmin(team, c, ctx), options),

    revokeAdmin: (c: { teamId: string; userId: string; actor: string }, options?: CallOptions) =>
      runner.run(c.teamId, (team, ctx) => decideRevokeAdmin(team, c, ctx), options),

    invite: (c: { teamId: string; email: string; ttlHours: number; actor: string }, options?: CallOptions) =>
      runner.run(c.teamId, (team, ctx) => decideInvite(team, c, ctx), options),

    acceptInvite: (c: { token: ParsedInviteToken; actor: string }, options?: CallOptions) =>
      runner.run(
        c.token.teamId,
        (team, ctx) =>
          decideAcceptInvite(
            team,
            { inviteId: c.token.inviteId, secret: c.token.secret, actor: c.actor },
            ctx,
          ),
        options,
      ),

    revokeInvite: (c: { teamId: string; inviteId: string; actor: string }, options?: CallOptions) =>
      runner.run(c.teamId, (team, ctx) => decideRevokeInvite(team, c, ctx), options),

    resendInvite: (
      c: { teamId: string; inviteId: string; ttlHours: number; actor: string },
      options?: CallOptions,
    ) => runner.run(c.teamId, (team, ctx) => decideResendInvite(team, c, ctx), options),

    /** What time alone changes (invite expiry, admin-choice deadline); run by the deadline sweeper. */
    runDeadlines: (teamId: string, options?: CallOptions) =>
      runner.run(teamId, (team, ctx) => decideDeadlines(team, ctx), options),
  };
}

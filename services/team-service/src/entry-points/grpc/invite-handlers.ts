import { invalidArgument } from '@teamseat/errors';
import { decodePageToken, encodePageToken, unary, type TeamServiceHandlers } from '@teamseat/grpc';
import { parseInviteToken } from '../../domain/invite-token';
import type { TeamCommands } from '../../application/team-commands';
import { pageOfInvites, type InviteCursor } from '../../application/team-queries';
import type { TeamReads } from '../../application/team-reads';
import type { CallerResolver } from './caller';
import { INVITE_STATUS_IN, inviteOut, memberOut, teamOut } from './proto-mapping';
import {
  enumList,
  optionalUserId,
  pageSizeOf,
  requireEmail,
  requireId,
  requireIdentifiedUserId,
  requireUserId,
  ttlHoursOf,
} from './validation';

type Handlers = Pick<
  TeamServiceHandlers,
  'InviteByEmail' | 'AcceptInvite' | 'RevokeInvite' | 'ResendInvite' | 'ListInvites'
>;

/** Invite RPCs (what Clerk, Polar and WorkOS offer): validate, map, call the use case, map back. */
export function createInviteHandlers({
  commands,
  reads,
  callers,
  defaultTtlHours,
  now,
}: {
  commands: TeamCommands;
  reads: TeamReads;
  callers: CallerResolver;
  defaultTtlHours: number;
  now: () => Date;
}): Handlers {
  return {
    InviteByEmail: unary(async (request, context) => {
      const command = {
        teamId: requireId('team_id', request.teamId),
        email: requireEmail('email', request.email),
        ttlHours: ttlHoursOf('ttl_hours', request.ttlHours, defaultTtlHours),
        actor: requireIdentifiedUserId('actor_user_id', request.actorUserId),
      };
      const { team, result } = await commands.invite(command, callers.optionsOf(context));
      return { invite: inviteOut(team.teamId, result.invite, result.token), team: teamOut(team) };
    }),

    AcceptInvite: unary(async (request, context) => {
      if (request.token === '') throw invalidArgument('token', 'must not be empty');
      const token = parseInviteToken(request.token);
      if (!token) throw invalidArgument('token', 'is not an invite token');
      const actor = requireIdentifiedUserId('actor_user_id', request.actorUserId);
      const { team, result } = await commands.acceptInvite({ token, actor }, callers.optionsOf(context));
      return {
        team: teamOut(team),
        member: memberOut(result.member),
        invite: inviteOut(team.teamId, result.invite),
      };
    }),

    RevokeInvite: unary(async (request, context) => {
      const command = {
        teamId: requireId('team_id', request.teamId),
        inviteId: requireId('invite_id', request.inviteId),
        actor: requireUserId('actor_user_id', request.actorUserId),
      };
      const { team, result } = await commands.revokeInvite(command, callers.optionsOf(context));
      return { invite: inviteOut(team.teamId, result.invite), team: teamOut(team) };
    }),

    ResendInvite: unary(async (request, context) => {
      const command = {
        teamId: requireId('team_id', request.teamId),
        inviteId: requireId('invite_id', request.inviteId),
        ttlHours: ttlHoursOf('ttl_hours', request.ttlHours, defaultTtlHours),
        actor: requireIdentifiedUserId('actor_user_id', request.actorUserId),
      };
      const { team, result } = await commands.resendInvite(command, callers.optionsOf(context));
      return { invite: inviteOut(team.teamId, result.invite, result.token), team: teamOut(team) };
    }),

    ListInvites: unary(async (request) => {
      const teamId = requireId('team_id', request.teamId);
      const statuses = enumList('statuses', request.statuses, INVITE_STATUS_IN);
      const pageSize = pageSizeOf('page_size', request.pageSize);
      const binding = ['invites', teamId, [...statuses].sort()];
      const after = decodePageToken<{ createdAt: number; inviteId: string }>(request.pageToken, binding, {
        createdAt: 'number',
        inviteId: 'string',
      });
      const team = await reads.getTeamForManager(
        teamId,
        optionalUserId('actor_user_id', request.actorUserId),
      );
      const page = pageOfInvites(team, { statuses, after, pageSize, now: now() });
      return {
        invites: page.items.map((invite) => inviteOut(teamId, invite)),
        nextPageToken: page.next
          ? encodePageToken(binding, page.next as InviteCursor & Record<string, number>)
          : '',
      };
    }),
  };
}

import { decodePageToken, encodePageToken, unary, type TeamServiceHandlers } from '@teamseat/grpc';
import type { TeamCommands } from '../../application/team-commands';
import { pageOfMembers, seatUsageOf, type MemberCursor } from '../../application/team-queries';
import { seatSourceOut } from './seat-pack-mapping';
import type { TeamCursor, TeamReads } from '../../application/team-reads';
import type { CallerResolver } from './caller';
import { memberOut, roleOut, ROLE_IN, STATUS_IN, statusOut, teamOut } from './proto-mapping';
import {
  enumList,
  optionalId,
  optionalUserId,
  pageSizeOf,
  requireId,
  requireIdentifiedUserId,
  requireUserId,
  toTimestamp,
} from './validation';

type Handlers = Pick<
  TeamServiceHandlers,
  | 'GetTeam'
  | 'ListTeamsOfUser'
  | 'AddMember'
  | 'RemoveMember'
  | 'LeaveTeam'
  | 'ListMembers'
  | 'GrantAdmin'
  | 'RevokeAdmin'
  | 'GetSeatUsage'
>;

/** Roster RPCs and reads: validate, map, call the use case, map back. */
export function createRosterHandlers({
  commands,
  reads,
  callers,
}: {
  commands: TeamCommands;
  reads: TeamReads;
  callers: CallerResolver;
}): Handlers {
  return {
    GetTeam: unary(async (request) => {
      const actor = optionalUserId('actor_user_id', request.actorUserId);
      if (request.lookup === 'key') {
        const subscriber = requireUserId('key.subscriber_user_id', request.key?.subscriberUserId);
        const entitlement = requireId('key.management_entitlement', request.key?.managementEntitlement);
        const group = optionalId('key.subscription_group', request.key?.subscriptionGroup) ?? entitlement;
        const line = { managementEntitlement: entitlement, subscriptionGroup: group };
        return { team: teamOut(await reads.getTeamByKey(subscriber, line, actor)) };
      }
      const team = await reads.getTeam(requireId('team_id', request.teamId), actor);
      return { team: teamOut(team) };
    }),

    ListTeamsOfUser: unary(async (request) => {
      const userId = requireUserId('user_id', request.userId);
      const roles = enumList('roles', request.roles, ROLE_IN);
      const statuses = enumList('statuses', request.statuses, STATUS_IN);
      const pageSize = pageSizeOf('page_size', request.pageSize);
      const binding = ['teams-of-user', userId, [...roles].sort(), [...statuses].sort()];
      const after = decodePageToken<{ createdAt: number; teamId: string }>(request.pageToken, binding, {
        createdAt: 'number',
        teamId: 'string',
      });
      const actor = optionalUserId('actor_user_id', request.actorUserId);
      const page = await reads.teamsOfUser(userId, { roles, statuses, after, pageSize, actor });
      return {
        memberships: page.items.map(({ team, role }) => ({ team: teamOut(team), role: roleOut(role) })),
        nextPageToken: page.next
          ? encodePageToken(binding, page.next as TeamCursor & Record<string, number | string>)
          : '',
      };
    }),

    AddMember: unary(async (request, context) => {
      const command = {
        teamId: requireId('team_id', request.teamId),
        userId: requireIdentifiedUserId('user_id', request.userId),
        actor: requireIdentifiedUserId('actor_user_id', request.actorUserId),
      };
      const { team, result } = await commands.addMember(command, callers.optionsOf(context));
      return { team: teamOut(team), member: memberOut(result.member) };
    }),

    RemoveMember: unary(async (request, context) => {
      const command = {
        teamId: requireId('team_id', request.teamId),
        userId: requireUserId('user_id', request.userId),
        actor: requireUserId('actor_user_id', request.actorUserId),
      };
      const { team } = await commands.removeMember(command, callers.optionsOf(context));
      return { team: teamOut(team) };
    }),

    LeaveTeam: unary(async (request, context) => {
      const command = {
        teamId: requireId('team_id', request.teamId),
        actor: requireUserId('actor_user_id', request.actorUserId),
      };
      const { team } = await commands.leaveTeam(command, callers.optionsOf(context));
      return { team: teamOut(team) };
    }),

    ListMembers: unary(async (request) => {
      const teamId = requireId('team_id', request.teamId);
      const roles = enumList('roles', request.roles, ROLE_IN);
      const pageSize = pageSizeOf('page_size', request.pageSize);
      const binding = ['members', teamId, [...roles].sort()];
      const after = decodePageToken<{ addedAt: number; userId: string }>(request.pageToken, binding, {
        addedAt: 'number',
        userId: 'string',
      });
      const team = await reads.getTeam(teamId, optionalUserId('actor_user_id', request.actorUserId));
      const page = pageOfMembers(team, { roles, after, pageSize });
      return {
        members: page.items.map(memberOut),
        nextPageToken: page.next
          ? encodePageToken(binding, page.next as MemberCursor & Record<string, number>)
          : '',
        totalSize: page.total,
      };
    }),

    GrantAdmin: unary(async (request, context) => {
      const command = {
        teamId: requireId('team_id', request.teamId),
        userId: requireUserId('user_id', request.userId),
        actor: requireUserId('actor_user_id', request.actorUserId),
      };
      const { team } = await commands.grantAdmin(command, callers.optionsOf(context));
      return { team: teamOut(team) };
    }),

    RevokeAdmin: unary(async (request, context) => {
      const command = {
        teamId: requireId('team_id', request.teamId),
        userId: requireUserId('user_id', request.userId),
        actor: requireUserId('actor_user_id', request.actorUserId),
      };
      const { team } = await commands.revokeAdmin(command, callers.optionsOf(context));
      return { team: teamOut(team) };
    }),

    GetSeatUsage: unary(async (request) => {
      const team = await reads.getTeam(
        requireId('team_id', request.teamId),
        optionalUserId('actor_user_id', request.actorUserId),
      );
      const usage = seatUsageOf(team);
      return {
        teamId: team.teamId,
        status: statusOut(team.status),
        ...usage,
        seatSources: usage.seatSources.map(seatSourceOut),
        overAssignedUntil: toTimestamp(team.overAssignedUntil),
      };
    }),
  };
}

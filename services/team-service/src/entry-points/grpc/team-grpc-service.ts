import type { Catalog } from '@teamseat/contracts';
import type { TeamServiceHandlers } from '@teamseat/grpc';
import type { SubscriptionCommands } from '../../application/subscription-commands';
import type { TeamCommands } from '../../application/team-commands';
import type { TeamReads } from '../../application/team-reads';
import { createCallerResolver } from './caller';
import { createInternalHandlers } from './internal-handlers';
import { createInviteHandlers } from './invite-handlers';
import { createRosterHandlers } from './roster-handlers';

export const TEAM_SERVICE_NAME = 'teamseat.team.v1.TeamService';

/** teamseat.team.v1.TeamService: thin handlers; AppErrors become gRPC statuses with a reason in `unary`. */
export function createTeamGrpcService(deps: {
  commands: TeamCommands;
  subscriptions: SubscriptionCommands;
  reads: TeamReads;
  internalTokens: string[];
  catalog: Catalog | null;
  defaultInviteTtlHours: number;
  now: () => Date;
}): TeamServiceHandlers {
  const callers = createCallerResolver(deps.internalTokens);
  return {
    ...createRosterHandlers({ commands: deps.commands, reads: deps.reads, callers }),
    ...createInviteHandlers({
      commands: deps.commands,
      reads: deps.reads,
      callers,
      defaultTtlHours: deps.defaultInviteTtlHours,
      now: deps.now,
    }),
    ...createInternalHandlers({
      subscriptions: deps.subscriptions,
      reads: deps.reads,
      callers,
      catalog: deps.catalog,
    }),
  };
}

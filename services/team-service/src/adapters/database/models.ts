import type { Connection, Model } from 'mongoose';
import type { TeamSummary } from '../../domain/team';
import { summarySchema, teamKeySchema, teamSchema, userTeamsSchema } from './schemas';
import type { TeamDocument } from './team-document';

export const TEAMS = 'teams';
export const TEAM_KEYS = 'team_keys';
export const TEAM_SUMMARIES = 'team_summaries';
export const USER_TEAMS = 'user_teams';

export interface TeamKeyDocument {
  _id: string;
  teamId: string;
}

export interface SummaryDocument extends Omit<TeamSummary, 'teamId'> {
  _id: string;
}

export interface UserTeamsDocument {
  _id: string;
  teams?: Record<string, { createdAt: Date }>;
}

/** The models of team-service's collections on one connection (schemas.ts declares them). */
export interface TeamModels {
  teams: Model<TeamDocument>;
  teamKeys: Model<TeamKeyDocument>;
  summaries: Model<SummaryDocument>;
  userTeams: Model<UserTeamsDocument>;
}

export function createTeamModels(connection: Connection): TeamModels {
  return {
    teams: connection.model<TeamDocument>('Team', teamSchema, TEAMS),
    teamKeys: connection.model<TeamKeyDocument>('TeamKey', teamKeySchema, TEAM_KEYS),
    summaries: connection.model<SummaryDocument>('TeamSummary', summarySchema, TEAM_SUMMARIES),
    userTeams: connection.model<UserTeamsDocument>('UserTeams', userTeamsSchema, USER_TEAMS),
  };
}

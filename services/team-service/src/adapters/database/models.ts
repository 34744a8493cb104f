import type { Connection, Model, mongo } from 'mongoose';
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
  /** The driver's database under the models, for the one hot read that bypasses them (ADR 0017). */
  db: mongo.Db;
}

/** The models on a connected connection. */
export function createTeamModels(connection: Connection): TeamModels {
  const { db } = connection;
  if (!db) throw new Error('mongoose connection without a database handle: connect it first');
  return {
    db,
    teams: connection.model<TeamDocument>('Team', teamSchema, TEAMS),
    teamKeys: connection.model<TeamKeyDocument>('TeamKey', teamKeySchema, TEAM_KEYS),
    summaries: connection.model<SummaryDocument>('TeamSummary', summarySchema, TEAM_SUMMARIES),
    userTeams: connection.model<UserTeamsDocument>('UserTeams', userTeamsSchema, USER_TEAMS),
  };
}

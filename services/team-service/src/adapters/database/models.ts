import type { Connection, Model, mongo } from 'mongoose';
import type { TeamSummary } from '../../domain/team';
import {
  leaseSchema,
  logEntrySchema,
  pendingSchema,
  publishedSchema,
  relaySchema,
  summarySchema,
  teamKeySchema,
  teamSchema,
  userTeamsSchema,
} from './schemas';
import type { LogEntryDocument } from './team-log';
import type { TeamDocument } from './team-document';

export const TEAMS = 'teams';
export const TEAM_KEYS = 'team_keys';
export const TEAM_SUMMARIES = 'team_summaries';
export const USER_TEAMS = 'user_teams';
export const TEAM_LOG = 'team_log';
export const OUTBOX_PENDING = 'team_outbox_pending';
export const OUTBOX_PUBLISHED = 'team_outbox_published';
export const OUTBOX_LEASES = 'team_outbox_leases';
export const OUTBOX_RELAYS = 'team_outbox_relays';

export interface RelayDocument {
  _id: string;
  until: Date;
}

export interface PendingDocument {
  _id: string;
  teamId: string;
  version: number;
  at: Date;
}

export interface PublishedDocument {
  _id: string;
  version: number;
}

export interface LeaseDocument {
  _id: string;
  slot: number;
  epoch: number;
  owner: string;
  until: Date;
}

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
  log: Model<LogEntryDocument>;
  pending: Model<PendingDocument>;
  published: Model<PublishedDocument>;
  leases: Model<LeaseDocument>;
  relays: Model<RelayDocument>;
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
    log: connection.model<LogEntryDocument>('TeamLogEntry', logEntrySchema, TEAM_LOG),
    pending: connection.model<PendingDocument>('OutboxPending', pendingSchema, OUTBOX_PENDING),
    published: connection.model<PublishedDocument>('OutboxPublished', publishedSchema, OUTBOX_PUBLISHED),
    leases: connection.model<LeaseDocument>('OutboxLease', leaseSchema, OUTBOX_LEASES),
    relays: connection.model<RelayDocument>('OutboxRelay', relaySchema, OUTBOX_RELAYS),
  };
}

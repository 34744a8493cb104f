export { startTeamService, type RunningTeamService, type TeamServiceOptions } from './team-service';
export { configSchema, loadTeamServiceConfig, type TeamServiceConfig } from './config';
export { TEAM_SERVICE_NAME } from './entry-points/grpc/team-grpc-service';

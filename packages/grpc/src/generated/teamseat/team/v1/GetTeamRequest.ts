// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { TeamKey as _teamseat_team_v1_TeamKey, TeamKey__Output as _teamseat_team_v1_TeamKey__Output } from '../../../teamseat/team/v1/TeamKey';

export interface GetTeamRequest {
  'teamId'?: (string);
  'key'?: (_teamseat_team_v1_TeamKey | null);
  'actorUserId'?: (string);
  'lookup'?: "teamId"|"key";
}

export interface GetTeamRequest__Output {
  'teamId'?: (string);
  'key'?: (_teamseat_team_v1_TeamKey__Output | null);
  'actorUserId': (string);
  'lookup'?: "teamId"|"key";
}

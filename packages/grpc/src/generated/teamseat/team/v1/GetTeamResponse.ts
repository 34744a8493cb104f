// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { Team as _teamseat_team_v1_Team, Team__Output as _teamseat_team_v1_Team__Output } from '../../../teamseat/team/v1/Team';

export interface GetTeamResponse {
  'team'?: (_teamseat_team_v1_Team | null);
}

export interface GetTeamResponse__Output {
  'team': (_teamseat_team_v1_Team__Output | null);
}

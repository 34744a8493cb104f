// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { Team as _teamseat_team_v1_Team, Team__Output as _teamseat_team_v1_Team__Output } from '../../../teamseat/team/v1/Team';
import type { Role as _teamseat_team_v1_Role, Role__Output as _teamseat_team_v1_Role__Output } from '../../../teamseat/team/v1/Role';

export interface TeamMembership {
  'team'?: (_teamseat_team_v1_Team | null);
  /**
   * The user's role on this team.
   */
  'role'?: (_teamseat_team_v1_Role);
}

export interface TeamMembership__Output {
  'team': (_teamseat_team_v1_Team__Output | null);
  /**
   * The user's role on this team.
   */
  'role': (_teamseat_team_v1_Role__Output);
}

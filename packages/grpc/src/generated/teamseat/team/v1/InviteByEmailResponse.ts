// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { Invite as _teamseat_team_v1_Invite, Invite__Output as _teamseat_team_v1_Invite__Output } from '../../../teamseat/team/v1/Invite';
import type { Team as _teamseat_team_v1_Team, Team__Output as _teamseat_team_v1_Team__Output } from '../../../teamseat/team/v1/Team';

export interface InviteByEmailResponse {
  /**
   * token set.
   */
  'invite'?: (_teamseat_team_v1_Invite | null);
  'team'?: (_teamseat_team_v1_Team | null);
}

export interface InviteByEmailResponse__Output {
  /**
   * token set.
   */
  'invite': (_teamseat_team_v1_Invite__Output | null);
  'team': (_teamseat_team_v1_Team__Output | null);
}

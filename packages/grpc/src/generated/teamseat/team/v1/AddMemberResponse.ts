// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { Team as _teamseat_team_v1_Team, Team__Output as _teamseat_team_v1_Team__Output } from '../../../teamseat/team/v1/Team';
import type { Member as _teamseat_team_v1_Member, Member__Output as _teamseat_team_v1_Member__Output } from '../../../teamseat/team/v1/Member';

export interface AddMemberResponse {
  'team'?: (_teamseat_team_v1_Team | null);
  'member'?: (_teamseat_team_v1_Member | null);
}

export interface AddMemberResponse__Output {
  'team': (_teamseat_team_v1_Team__Output | null);
  'member': (_teamseat_team_v1_Member__Output | null);
}

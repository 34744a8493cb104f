// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { Team as _teamseat_team_v1_Team, Team__Output as _teamseat_team_v1_Team__Output } from '../../../teamseat/team/v1/Team';
import type { Member as _teamseat_team_v1_Member, Member__Output as _teamseat_team_v1_Member__Output } from '../../../teamseat/team/v1/Member';
import type { Invite as _teamseat_team_v1_Invite, Invite__Output as _teamseat_team_v1_Invite__Output } from '../../../teamseat/team/v1/Invite';

export interface AcceptInviteResponse {
  'team'?: (_teamseat_team_v1_Team | null);
  'member'?: (_teamseat_team_v1_Member | null);
  'invite'?: (_teamseat_team_v1_Invite | null);
}

export interface AcceptInviteResponse__Output {
  'team': (_teamseat_team_v1_Team__Output | null);
  'member': (_teamseat_team_v1_Member__Output | null);
  'invite': (_teamseat_team_v1_Invite__Output | null);
}

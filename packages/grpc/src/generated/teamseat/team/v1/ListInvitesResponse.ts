// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { Invite as _teamseat_team_v1_Invite, Invite__Output as _teamseat_team_v1_Invite__Output } from '../../../teamseat/team/v1/Invite';

export interface ListInvitesResponse {
  /**
   * token never set.
   */
  'invites'?: (_teamseat_team_v1_Invite)[];
  'nextPageToken'?: (string);
}

export interface ListInvitesResponse__Output {
  /**
   * token never set.
   */
  'invites': (_teamseat_team_v1_Invite__Output)[];
  'nextPageToken': (string);
}

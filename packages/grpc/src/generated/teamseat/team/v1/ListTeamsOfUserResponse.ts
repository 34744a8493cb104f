// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { TeamMembership as _teamseat_team_v1_TeamMembership, TeamMembership__Output as _teamseat_team_v1_TeamMembership__Output } from '../../../teamseat/team/v1/TeamMembership';

export interface ListTeamsOfUserResponse {
  'memberships'?: (_teamseat_team_v1_TeamMembership)[];
  /**
   * Empty on the last page.
   */
  'nextPageToken'?: (string);
}

export interface ListTeamsOfUserResponse__Output {
  'memberships': (_teamseat_team_v1_TeamMembership__Output)[];
  /**
   * Empty on the last page.
   */
  'nextPageToken': (string);
}

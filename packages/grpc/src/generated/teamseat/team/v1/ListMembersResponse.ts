// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { Member as _teamseat_team_v1_Member, Member__Output as _teamseat_team_v1_Member__Output } from '../../../teamseat/team/v1/Member';

export interface ListMembersResponse {
  'members'?: (_teamseat_team_v1_Member)[];
  /**
   * Empty on the last page.
   */
  'nextPageToken'?: (string);
  /**
   * Members matching the filter, all pages.
   */
  'totalSize'?: (number);
}

export interface ListMembersResponse__Output {
  'members': (_teamseat_team_v1_Member__Output)[];
  /**
   * Empty on the last page.
   */
  'nextPageToken': (string);
  /**
   * Members matching the filter, all pages.
   */
  'totalSize': (number);
}

// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { Role as _teamseat_team_v1_Role, Role__Output as _teamseat_team_v1_Role__Output } from '../../../teamseat/team/v1/Role';

export interface ListMembersRequest {
  'teamId'?: (string);
  /**
   * Default 50, maximum 500.
   */
  'pageSize'?: (number);
  'pageToken'?: (string);
  /**
   * Only these roles; empty means all.
   */
  'roles'?: (_teamseat_team_v1_Role)[];
  'actorUserId'?: (string);
}

export interface ListMembersRequest__Output {
  'teamId': (string);
  /**
   * Default 50, maximum 500.
   */
  'pageSize': (number);
  'pageToken': (string);
  /**
   * Only these roles; empty means all.
   */
  'roles': (_teamseat_team_v1_Role__Output)[];
  'actorUserId': (string);
}

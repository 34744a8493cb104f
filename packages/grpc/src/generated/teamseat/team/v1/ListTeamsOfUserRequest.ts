// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { Role as _teamseat_team_v1_Role, Role__Output as _teamseat_team_v1_Role__Output } from '../../../teamseat/team/v1/Role';
import type { TeamStatus as _teamseat_team_v1_TeamStatus, TeamStatus__Output as _teamseat_team_v1_TeamStatus__Output } from '../../../teamseat/team/v1/TeamStatus';

export interface ListTeamsOfUserRequest {
  'userId'?: (string);
  /**
   * Only teams where the user has one of these roles; empty means any role.
   */
  'roles'?: (_teamseat_team_v1_Role)[];
  /**
   * Only teams in one of these statuses; empty means any status.
   */
  'statuses'?: (_teamseat_team_v1_TeamStatus)[];
  /**
   * Default 50, maximum 500.
   */
  'pageSize'?: (number);
  'pageToken'?: (string);
  'actorUserId'?: (string);
}

export interface ListTeamsOfUserRequest__Output {
  'userId': (string);
  /**
   * Only teams where the user has one of these roles; empty means any role.
   */
  'roles': (_teamseat_team_v1_Role__Output)[];
  /**
   * Only teams in one of these statuses; empty means any status.
   */
  'statuses': (_teamseat_team_v1_TeamStatus__Output)[];
  /**
   * Default 50, maximum 500.
   */
  'pageSize': (number);
  'pageToken': (string);
  'actorUserId': (string);
}

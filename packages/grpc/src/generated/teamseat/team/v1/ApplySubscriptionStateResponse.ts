// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { Team as _teamseat_team_v1_Team, Team__Output as _teamseat_team_v1_Team__Output } from '../../../teamseat/team/v1/Team';

export interface ApplySubscriptionStateResponse {
  /**
   * Absent when an EXPIRED state met no team.
   */
  'team'?: (_teamseat_team_v1_Team | null);
  /**
   * False when the state was already applied or older than the last applied one.
   */
  'changed'?: (boolean);
  /**
   * Members removed by the shrink policy in this call.
   */
  'removedUserIds'?: (string)[];
}

export interface ApplySubscriptionStateResponse__Output {
  /**
   * Absent when an EXPIRED state met no team.
   */
  'team': (_teamseat_team_v1_Team__Output | null);
  /**
   * False when the state was already applied or older than the last applied one.
   */
  'changed': (boolean);
  /**
   * Members removed by the shrink policy in this call.
   */
  'removedUserIds': (string)[];
}

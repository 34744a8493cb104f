// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { InviteStatus as _teamseat_team_v1_InviteStatus, InviteStatus__Output as _teamseat_team_v1_InviteStatus__Output } from '../../../teamseat/team/v1/InviteStatus';

export interface ListInvitesRequest {
  'teamId'?: (string);
  /**
   * Only these statuses; empty means all.
   */
  'statuses'?: (_teamseat_team_v1_InviteStatus)[];
  /**
   * Default 50, maximum 500.
   */
  'pageSize'?: (number);
  'pageToken'?: (string);
  'actorUserId'?: (string);
}

export interface ListInvitesRequest__Output {
  'teamId': (string);
  /**
   * Only these statuses; empty means all.
   */
  'statuses': (_teamseat_team_v1_InviteStatus__Output)[];
  /**
   * Default 50, maximum 500.
   */
  'pageSize': (number);
  'pageToken': (string);
  'actorUserId': (string);
}

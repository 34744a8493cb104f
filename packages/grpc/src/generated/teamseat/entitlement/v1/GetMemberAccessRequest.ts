// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { Long } from '@grpc/proto-loader';

export interface GetMemberAccessRequest {
  'teamId'?: (string);
  'userId'?: (string);
  /**
   * The team version the caller knows the member at (AddMember's or AcceptInvite's team.version); 0: the
   * team's current version. Below it, the answer is PENDING.
   */
  'minTeamVersion'?: (number | string | Long);
}

export interface GetMemberAccessRequest__Output {
  'teamId': (string);
  'userId': (string);
  /**
   * The team version the caller knows the member at (AddMember's or AcceptInvite's team.version); 0: the
   * team's current version. Below it, the answer is PENDING.
   */
  'minTeamVersion': (string);
}

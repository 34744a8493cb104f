// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { TransferKind as _teamseat_team_v1_TransferKind, TransferKind__Output as _teamseat_team_v1_TransferKind__Output } from '../../../teamseat/team/v1/TransferKind';
import type { Role as _teamseat_team_v1_Role, Role__Output as _teamseat_team_v1_Role__Output } from '../../../teamseat/team/v1/Role';

export interface TransferOwnershipRequest {
  'teamId'?: (string);
  'newOwnerUserId'?: (string);
  'kind'?: (_teamseat_team_v1_TransferKind);
  /**
   * What the previous owner becomes: ROLE_ADMIN, ROLE_MEMBER, or ROLE_UNSPECIFIED to leave the team.
   */
  'previousOwnerRole'?: (_teamseat_team_v1_Role);
  /**
   * RevenueCat event id of the TRANSFER (STORE_TRANSFER only), for tracing and the event's causation.
   */
  'sourceEventId'?: (string);
  /**
   * The owner (OWNER_INITIATED); empty for STORE_TRANSFER.
   */
  'actorUserId'?: (string);
}

export interface TransferOwnershipRequest__Output {
  'teamId': (string);
  'newOwnerUserId': (string);
  'kind': (_teamseat_team_v1_TransferKind__Output);
  /**
   * What the previous owner becomes: ROLE_ADMIN, ROLE_MEMBER, or ROLE_UNSPECIFIED to leave the team.
   */
  'previousOwnerRole': (_teamseat_team_v1_Role__Output);
  /**
   * RevenueCat event id of the TRANSFER (STORE_TRANSFER only), for tracing and the event's causation.
   */
  'sourceEventId': (string);
  /**
   * The owner (OWNER_INITIATED); empty for STORE_TRANSFER.
   */
  'actorUserId': (string);
}

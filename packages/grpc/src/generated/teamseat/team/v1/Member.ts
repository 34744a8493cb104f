// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { Role as _teamseat_team_v1_Role, Role__Output as _teamseat_team_v1_Role__Output } from '../../../teamseat/team/v1/Role';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Member {
  'userId'?: (string);
  'role'?: (_teamseat_team_v1_Role);
  'addedAt'?: (_google_protobuf_Timestamp | null);
  /**
   * Who added the member: the actor, the inviter for an accepted invite, or "system".
   */
  'addedBy'?: (string);
  /**
   * False only for an owner of a product without owner_takes_seat.
   */
  'holdsSeat'?: (boolean);
  /**
   * Set when the member joined through an invite.
   */
  'inviteId'?: (string);
}

export interface Member__Output {
  'userId': (string);
  'role': (_teamseat_team_v1_Role__Output);
  'addedAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * Who added the member: the actor, the inviter for an accepted invite, or "system".
   */
  'addedBy': (string);
  /**
   * False only for an owner of a product without owner_takes_seat.
   */
  'holdsSeat': (boolean);
  /**
   * Set when the member joined through an invite.
   */
  'inviteId': (string);
}

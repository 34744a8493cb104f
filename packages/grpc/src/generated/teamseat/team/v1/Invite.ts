// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { InviteStatus as _teamseat_team_v1_InviteStatus, InviteStatus__Output as _teamseat_team_v1_InviteStatus__Output } from '../../../teamseat/team/v1/InviteStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Invite {
  'inviteId'?: (string);
  'teamId'?: (string);
  /**
   * Lower-cased and trimmed.
   */
  'email'?: (string);
  'status'?: (_teamseat_team_v1_InviteStatus);
  'expiresAt'?: (_google_protobuf_Timestamp | null);
  'createdBy'?: (string);
  'createdAt'?: (_google_protobuf_Timestamp | null);
  /**
   * The secret to pass to AcceptInvite. Set only in InviteByEmail and ResendInvite responses.
   */
  'token'?: (string);
  /**
   * Set once accepted.
   */
  'acceptedBy'?: (string);
  'acceptedAt'?: (_google_protobuf_Timestamp | null);
}

export interface Invite__Output {
  'inviteId': (string);
  'teamId': (string);
  /**
   * Lower-cased and trimmed.
   */
  'email': (string);
  'status': (_teamseat_team_v1_InviteStatus__Output);
  'expiresAt': (_google_protobuf_Timestamp__Output | null);
  'createdBy': (string);
  'createdAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * The secret to pass to AcceptInvite. Set only in InviteByEmail and ResendInvite responses.
   */
  'token': (string);
  /**
   * Set once accepted.
   */
  'acceptedBy': (string);
  'acceptedAt': (_google_protobuf_Timestamp__Output | null);
}

// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { MemberGrant as _teamseat_entitlement_v1_MemberGrant, MemberGrant__Output as _teamseat_entitlement_v1_MemberGrant__Output } from '../../../teamseat/entitlement/v1/MemberGrant';

export interface TeamAccessReport {
  'teamId'?: (string);
  'ownerUserId'?: (string);
  'productId'?: (string);
  /**
   * "active", "grace" or "expired", as team-service reported it.
   */
  'teamStatus'?: (string);
  'periodEndsAt'?: (_google_protobuf_Timestamp | null);
  /**
   * One row per (member, member entitlement), sorted by user_id then entitlement.
   */
  'grants'?: (_teamseat_entitlement_v1_MemberGrant)[];
  /**
   * Rows not in GRANT_STATE_IN_SYNC or GRANT_STATE_REVOKED.
   */
  'outOfSync'?: (number);
  'generatedAt'?: (_google_protobuf_Timestamp | null);
}

export interface TeamAccessReport__Output {
  'teamId': (string);
  'ownerUserId': (string);
  'productId': (string);
  /**
   * "active", "grace" or "expired", as team-service reported it.
   */
  'teamStatus': (string);
  'periodEndsAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * One row per (member, member entitlement), sorted by user_id then entitlement.
   */
  'grants': (_teamseat_entitlement_v1_MemberGrant__Output)[];
  /**
   * Rows not in GRANT_STATE_IN_SYNC or GRANT_STATE_REVOKED.
   */
  'outOfSync': (number);
  'generatedAt': (_google_protobuf_Timestamp__Output | null);
}

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
   * One row per (member, member entitlement) of this page's members, sorted by user_id then entitlement.
   * Pages follow user_id: a member on the team throughout the paging is on exactly one page.
   */
  'grants'?: (_teamseat_entitlement_v1_MemberGrant)[];
  /**
   * This page's rows not in GRANT_STATE_IN_SYNC or GRANT_STATE_REVOKED.
   */
  'outOfSync'?: (number);
  'generatedAt'?: (_google_protobuf_Timestamp | null);
  /**
   * Empty on the last page.
   */
  'nextPageToken'?: (string);
  /**
   * Seat-holding members of the team when this page was read, all pages.
   */
  'totalMembers'?: (number);
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
   * One row per (member, member entitlement) of this page's members, sorted by user_id then entitlement.
   * Pages follow user_id: a member on the team throughout the paging is on exactly one page.
   */
  'grants': (_teamseat_entitlement_v1_MemberGrant__Output)[];
  /**
   * This page's rows not in GRANT_STATE_IN_SYNC or GRANT_STATE_REVOKED.
   */
  'outOfSync': (number);
  'generatedAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * Empty on the last page.
   */
  'nextPageToken': (string);
  /**
   * Seat-holding members of the team when this page was read, all pages.
   */
  'totalMembers': (number);
}

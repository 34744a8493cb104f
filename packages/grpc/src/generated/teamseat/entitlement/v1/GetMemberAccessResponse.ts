// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { MemberAccessState as _teamseat_entitlement_v1_MemberAccessState, MemberAccessState__Output as _teamseat_entitlement_v1_MemberAccessState__Output } from '../../../teamseat/entitlement/v1/MemberAccessState';
import type { MemberEntitlementAccess as _teamseat_entitlement_v1_MemberEntitlementAccess, MemberEntitlementAccess__Output as _teamseat_entitlement_v1_MemberEntitlementAccess__Output } from '../../../teamseat/entitlement/v1/MemberEntitlementAccess';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface GetMemberAccessResponse {
  /**
   * The member's state over all member entitlements: FAILED if any failed, else PENDING if any is
   * pending, else ACTIVE.
   */
  'state'?: (_teamseat_entitlement_v1_MemberAccessState);
  /**
   * Why it is not ACTIVE (the first failing or pending entitlement's reason).
   */
  'reason'?: (string);
  /**
   * The team version team-service answered as of (at least min_team_version once the team reached it).
   */
  'teamVersion'?: (number | string | Long);
  /**
   * The newest team version entitlement-service applied for the member (0: none yet).
   */
  'appliedTeamVersion'?: (number | string | Long);
  /**
   * Per member entitlement, sorted; empty for NOT_A_MEMBER and while the team version is not applied.
   */
  'entitlements'?: (_teamseat_entitlement_v1_MemberEntitlementAccess)[];
  'checkedAt'?: (_google_protobuf_Timestamp | null);
}

export interface GetMemberAccessResponse__Output {
  /**
   * The member's state over all member entitlements: FAILED if any failed, else PENDING if any is
   * pending, else ACTIVE.
   */
  'state': (_teamseat_entitlement_v1_MemberAccessState__Output);
  /**
   * Why it is not ACTIVE (the first failing or pending entitlement's reason).
   */
  'reason': (string);
  /**
   * The team version team-service answered as of (at least min_team_version once the team reached it).
   */
  'teamVersion': (string);
  /**
   * The newest team version entitlement-service applied for the member (0: none yet).
   */
  'appliedTeamVersion': (string);
  /**
   * Per member entitlement, sorted; empty for NOT_A_MEMBER and while the team version is not applied.
   */
  'entitlements': (_teamseat_entitlement_v1_MemberEntitlementAccess__Output)[];
  'checkedAt': (_google_protobuf_Timestamp__Output | null);
}

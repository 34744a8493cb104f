// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { MemberAccessState as _teamseat_entitlement_v1_MemberAccessState, MemberAccessState__Output as _teamseat_entitlement_v1_MemberAccessState__Output } from '../../../teamseat/entitlement/v1/MemberAccessState';
import type { Expiry as _teamseat_entitlement_v1_Expiry, Expiry__Output as _teamseat_entitlement_v1_Expiry__Output } from '../../../teamseat/entitlement/v1/Expiry';
import type { SourceKind as _teamseat_entitlement_v1_SourceKind, SourceKind__Output as _teamseat_entitlement_v1_SourceKind__Output } from '../../../teamseat/entitlement/v1/SourceKind';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface MemberEntitlementAccess {
  'entitlement'?: (string);
  'state'?: (_teamseat_entitlement_v1_MemberAccessState);
  /**
   * ACTIVE: when the access ends (lifetime or a time).
   */
  'expires'?: (_teamseat_entitlement_v1_Expiry | null);
  /**
   * ACTIVE: SOURCE_KIND_TEAM_GRANT, SOURCE_KIND_PROMOTIONAL_OTHER or SOURCE_KIND_STORE.
   */
  'source'?: (_teamseat_entitlement_v1_SourceKind);
  /**
   * FAILED: the last error; PENDING: what it waits for.
   */
  'reason'?: (string);
  /**
   * FAILED: attempts since the last success, and whether and when it is tried again.
   */
  'attempts'?: (number);
  'willRetry'?: (boolean);
  'nextAttemptAt'?: (_google_protobuf_Timestamp | null);
}

export interface MemberEntitlementAccess__Output {
  'entitlement': (string);
  'state': (_teamseat_entitlement_v1_MemberAccessState__Output);
  /**
   * ACTIVE: when the access ends (lifetime or a time).
   */
  'expires': (_teamseat_entitlement_v1_Expiry__Output | null);
  /**
   * ACTIVE: SOURCE_KIND_TEAM_GRANT, SOURCE_KIND_PROMOTIONAL_OTHER or SOURCE_KIND_STORE.
   */
  'source': (_teamseat_entitlement_v1_SourceKind__Output);
  /**
   * FAILED: the last error; PENDING: what it waits for.
   */
  'reason': (string);
  /**
   * FAILED: attempts since the last success, and whether and when it is tried again.
   */
  'attempts': (number);
  'willRetry': (boolean);
  'nextAttemptAt': (_google_protobuf_Timestamp__Output | null);
}

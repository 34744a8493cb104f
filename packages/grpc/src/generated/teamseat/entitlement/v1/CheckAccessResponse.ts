// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { AccessSource as _teamseat_entitlement_v1_AccessSource, AccessSource__Output as _teamseat_entitlement_v1_AccessSource__Output } from '../../../teamseat/entitlement/v1/AccessSource';

export interface CheckAccessResponse {
  'active'?: (boolean);
  /**
   * Absent when inactive or lifetime (then lifetime = true).
   */
  'expiresAt'?: (_google_protobuf_Timestamp | null);
  'lifetime'?: (boolean);
  /**
   * The winning source; kind NONE when inactive.
   */
  'source'?: (_teamseat_entitlement_v1_AccessSource | null);
  /**
   * Every active source, longest first.
   */
  'sources'?: (_teamseat_entitlement_v1_AccessSource)[];
  /**
   * When the snapshot was fetched from RevenueCat; absent if never.
   */
  'syncedAt'?: (_google_protobuf_Timestamp | null);
}

export interface CheckAccessResponse__Output {
  'active': (boolean);
  /**
   * Absent when inactive or lifetime (then lifetime = true).
   */
  'expiresAt': (_google_protobuf_Timestamp__Output | null);
  'lifetime': (boolean);
  /**
   * The winning source; kind NONE when inactive.
   */
  'source': (_teamseat_entitlement_v1_AccessSource__Output | null);
  /**
   * Every active source, longest first.
   */
  'sources': (_teamseat_entitlement_v1_AccessSource__Output)[];
  /**
   * When the snapshot was fetched from RevenueCat; absent if never.
   */
  'syncedAt': (_google_protobuf_Timestamp__Output | null);
}

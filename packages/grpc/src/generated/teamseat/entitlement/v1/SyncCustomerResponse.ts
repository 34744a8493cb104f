// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { Entitlement as _teamseat_entitlement_v1_Entitlement, Entitlement__Output as _teamseat_entitlement_v1_Entitlement__Output } from '../../../teamseat/entitlement/v1/Entitlement';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface SyncCustomerResponse {
  'entitlements'?: (_teamseat_entitlement_v1_Entitlement)[];
  'syncedAt'?: (_google_protobuf_Timestamp | null);
  /**
   * Entitlements whose activity or expiry changed with this sync.
   */
  'changedEntitlements'?: (string)[];
  /**
   * Teams whose state was applied to team-service.
   */
  'teamIds'?: (string)[];
  /**
   * True when a fresh stored snapshot answered and RevenueCat was not read (no changes, no team
   * update); `snapshot_age_ms` is then its age in milliseconds.
   */
  'servedFromSnapshot'?: (boolean);
  'snapshotAgeMs'?: (number);
}

export interface SyncCustomerResponse__Output {
  'entitlements': (_teamseat_entitlement_v1_Entitlement__Output)[];
  'syncedAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * Entitlements whose activity or expiry changed with this sync.
   */
  'changedEntitlements': (string)[];
  /**
   * Teams whose state was applied to team-service.
   */
  'teamIds': (string)[];
  /**
   * True when a fresh stored snapshot answered and RevenueCat was not read (no changes, no team
   * update); `snapshot_age_ms` is then its age in milliseconds.
   */
  'servedFromSnapshot': (boolean);
  'snapshotAgeMs': (number);
}

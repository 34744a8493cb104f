// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { AccessSource as _teamseat_entitlement_v1_AccessSource, AccessSource__Output as _teamseat_entitlement_v1_AccessSource__Output } from '../../../teamseat/entitlement/v1/AccessSource';
import type { ChangeCause as _teamseat_entitlement_v1_ChangeCause, ChangeCause__Output as _teamseat_entitlement_v1_ChangeCause__Output } from '../../../teamseat/entitlement/v1/ChangeCause';

export interface EntitlementChange {
  /**
   * Envelope id of the published change (unique).
   */
  'changeId'?: (string);
  'userId'?: (string);
  'entitlement'?: (string);
  'active'?: (boolean);
  'expiresAt'?: (_google_protobuf_Timestamp | null);
  'lifetime'?: (boolean);
  'source'?: (_teamseat_entitlement_v1_AccessSource | null);
  'cause'?: (_teamseat_entitlement_v1_ChangeCause);
  /**
   * RevenueCat event id or team event id behind the change, when there is one.
   */
  'causationId'?: (string);
  'occurredAt'?: (_google_protobuf_Timestamp | null);
}

export interface EntitlementChange__Output {
  /**
   * Envelope id of the published change (unique).
   */
  'changeId': (string);
  'userId': (string);
  'entitlement': (string);
  'active': (boolean);
  'expiresAt': (_google_protobuf_Timestamp__Output | null);
  'lifetime': (boolean);
  'source': (_teamseat_entitlement_v1_AccessSource__Output | null);
  'cause': (_teamseat_entitlement_v1_ChangeCause__Output);
  /**
   * RevenueCat event id or team event id behind the change, when there is one.
   */
  'causationId': (string);
  'occurredAt': (_google_protobuf_Timestamp__Output | null);
}

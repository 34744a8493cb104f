// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { Entitlement as _teamseat_entitlement_v1_Entitlement, Entitlement__Output as _teamseat_entitlement_v1_Entitlement__Output } from '../../../teamseat/entitlement/v1/Entitlement';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface ListEntitlementsResponse {
  'entitlements'?: (_teamseat_entitlement_v1_Entitlement)[];
  'syncedAt'?: (_google_protobuf_Timestamp | null);
}

export interface ListEntitlementsResponse__Output {
  'entitlements': (_teamseat_entitlement_v1_Entitlement__Output)[];
  'syncedAt': (_google_protobuf_Timestamp__Output | null);
}

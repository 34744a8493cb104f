// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * When an access ends. Absent expiry means no access.
 */
export interface Expiry {
  'at'?: (_google_protobuf_Timestamp | null);
  'lifetime'?: (boolean);
  'kind'?: "at"|"lifetime";
}

/**
 * When an access ends. Absent expiry means no access.
 */
export interface Expiry__Output {
  'at'?: (_google_protobuf_Timestamp__Output | null);
  'lifetime'?: (boolean);
  'kind'?: "at"|"lifetime";
}

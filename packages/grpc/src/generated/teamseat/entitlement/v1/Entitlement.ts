// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { AccessSource as _teamseat_entitlement_v1_AccessSource, AccessSource__Output as _teamseat_entitlement_v1_AccessSource__Output } from '../../../teamseat/entitlement/v1/AccessSource';

export interface Entitlement {
  'entitlement'?: (string);
  'active'?: (boolean);
  'expiresAt'?: (_google_protobuf_Timestamp | null);
  'lifetime'?: (boolean);
  'source'?: (_teamseat_entitlement_v1_AccessSource | null);
  'sources'?: (_teamseat_entitlement_v1_AccessSource)[];
}

export interface Entitlement__Output {
  'entitlement': (string);
  'active': (boolean);
  'expiresAt': (_google_protobuf_Timestamp__Output | null);
  'lifetime': (boolean);
  'source': (_teamseat_entitlement_v1_AccessSource__Output | null);
  'sources': (_teamseat_entitlement_v1_AccessSource__Output)[];
}

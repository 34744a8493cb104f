// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { SourceKind as _teamseat_entitlement_v1_SourceKind, SourceKind__Output as _teamseat_entitlement_v1_SourceKind__Output } from '../../../teamseat/entitlement/v1/SourceKind';
import type { Expiry as _teamseat_entitlement_v1_Expiry, Expiry__Output as _teamseat_entitlement_v1_Expiry__Output } from '../../../teamseat/entitlement/v1/Expiry';

export interface AccessSource {
  'kind'?: (_teamseat_entitlement_v1_SourceKind);
  /**
   * SOURCE_KIND_TEAM_GRANT only.
   */
  'teamId'?: (string);
  /**
   * The store product behind the access (team product for team grants), when known.
   */
  'productId'?: (string);
  'expires'?: (_teamseat_entitlement_v1_Expiry | null);
}

export interface AccessSource__Output {
  'kind': (_teamseat_entitlement_v1_SourceKind__Output);
  /**
   * SOURCE_KIND_TEAM_GRANT only.
   */
  'teamId': (string);
  /**
   * The store product behind the access (team product for team grants), when known.
   */
  'productId': (string);
  'expires': (_teamseat_entitlement_v1_Expiry__Output | null);
}

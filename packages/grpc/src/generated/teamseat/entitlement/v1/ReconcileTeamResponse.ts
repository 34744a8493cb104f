// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { TeamAccessReport as _teamseat_entitlement_v1_TeamAccessReport, TeamAccessReport__Output as _teamseat_entitlement_v1_TeamAccessReport__Output } from '../../../teamseat/entitlement/v1/TeamAccessReport';

export interface ReconcileTeamResponse {
  'report'?: (_teamseat_entitlement_v1_TeamAccessReport | null);
  /**
   * Grants made, extended or repaired, and revokes made, in this call.
   */
  'granted'?: (number);
  'revoked'?: (number);
  'failed'?: (number);
}

export interface ReconcileTeamResponse__Output {
  'report': (_teamseat_entitlement_v1_TeamAccessReport__Output | null);
  /**
   * Grants made, extended or repaired, and revokes made, in this call.
   */
  'granted': (number);
  'revoked': (number);
  'failed': (number);
}

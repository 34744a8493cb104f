// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { ReconcileProgress as _teamseat_entitlement_v1_ReconcileProgress, ReconcileProgress__Output as _teamseat_entitlement_v1_ReconcileProgress__Output } from '../../../teamseat/entitlement/v1/ReconcileProgress';
import type { ReconcileTeamResponse as _teamseat_entitlement_v1_ReconcileTeamResponse, ReconcileTeamResponse__Output as _teamseat_entitlement_v1_ReconcileTeamResponse__Output } from '../../../teamseat/entitlement/v1/ReconcileTeamResponse';

export interface ReconcileTeamWithProgressResponse {
  'progress'?: (_teamseat_entitlement_v1_ReconcileProgress | null);
  /**
   * The last message: the report after the repair and this call's counts.
   */
  'result'?: (_teamseat_entitlement_v1_ReconcileTeamResponse | null);
  'item'?: "progress"|"result";
}

export interface ReconcileTeamWithProgressResponse__Output {
  'progress'?: (_teamseat_entitlement_v1_ReconcileProgress__Output | null);
  /**
   * The last message: the report after the repair and this call's counts.
   */
  'result'?: (_teamseat_entitlement_v1_ReconcileTeamResponse__Output | null);
  'item'?: "progress"|"result";
}

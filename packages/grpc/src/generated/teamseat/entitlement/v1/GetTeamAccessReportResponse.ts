// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { TeamAccessReport as _teamseat_entitlement_v1_TeamAccessReport, TeamAccessReport__Output as _teamseat_entitlement_v1_TeamAccessReport__Output } from '../../../teamseat/entitlement/v1/TeamAccessReport';

export interface GetTeamAccessReportResponse {
  'report'?: (_teamseat_entitlement_v1_TeamAccessReport | null);
}

export interface GetTeamAccessReportResponse__Output {
  'report': (_teamseat_entitlement_v1_TeamAccessReport__Output | null);
}

// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto


export interface GetTeamAccessReportRequest {
  'teamId'?: (string);
}

export interface GetTeamAccessReportRequest__Output {
  'teamId': (string);
}

// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto


export interface GetTeamAccessReportRequest {
  'teamId'?: (string);
  /**
   * Members per page: default 500, maximum 1,000 (a 25,000-member team's report does not fit one message).
   */
  'pageSize'?: (number);
  /**
   * From the previous page's next_page_token; empty for the first page.
   */
  'pageToken'?: (string);
}

export interface GetTeamAccessReportRequest__Output {
  'teamId': (string);
  /**
   * Members per page: default 500, maximum 1,000 (a 25,000-member team's report does not fit one message).
   */
  'pageSize': (number);
  /**
   * From the previous page's next_page_token; empty for the first page.
   */
  'pageToken': (string);
}

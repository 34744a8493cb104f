// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


export interface GetMemberGrantRequest {
  'teamId'?: (string);
  'userId'?: (string);
}

export interface GetMemberGrantRequest__Output {
  'teamId': (string);
  'userId': (string);
}

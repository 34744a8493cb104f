// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


export interface GetSeatUsageRequest {
  'teamId'?: (string);
  'actorUserId'?: (string);
}

export interface GetSeatUsageRequest__Output {
  'teamId': (string);
  'actorUserId': (string);
}

// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


export interface RemoveMemberRequest {
  'teamId'?: (string);
  'userId'?: (string);
  'actorUserId'?: (string);
}

export interface RemoveMemberRequest__Output {
  'teamId': (string);
  'userId': (string);
  'actorUserId': (string);
}

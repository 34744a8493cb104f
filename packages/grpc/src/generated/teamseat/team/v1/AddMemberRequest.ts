// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


export interface AddMemberRequest {
  'teamId'?: (string);
  'userId'?: (string);
  'actorUserId'?: (string);
}

export interface AddMemberRequest__Output {
  'teamId': (string);
  'userId': (string);
  'actorUserId': (string);
}

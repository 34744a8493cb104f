// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


export interface GrantAdminRequest {
  'teamId'?: (string);
  'userId'?: (string);
  'actorUserId'?: (string);
}

export interface GrantAdminRequest__Output {
  'teamId': (string);
  'userId': (string);
  'actorUserId': (string);
}

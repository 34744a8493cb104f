// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


export interface RevokeAdminRequest {
  'teamId'?: (string);
  'userId'?: (string);
  'actorUserId'?: (string);
}

export interface RevokeAdminRequest__Output {
  'teamId': (string);
  'userId': (string);
  'actorUserId': (string);
}

// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


export interface RevokeInviteRequest {
  'teamId'?: (string);
  'inviteId'?: (string);
  'actorUserId'?: (string);
}

export interface RevokeInviteRequest__Output {
  'teamId': (string);
  'inviteId': (string);
  'actorUserId': (string);
}

// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


export interface AcceptInviteRequest {
  'token'?: (string);
  /**
   * The app user id accepting; becomes the member.
   */
  'actorUserId'?: (string);
}

export interface AcceptInviteRequest__Output {
  'token': (string);
  /**
   * The app user id accepting; becomes the member.
   */
  'actorUserId': (string);
}

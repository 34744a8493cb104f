// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


export interface ResendInviteRequest {
  'teamId'?: (string);
  'inviteId'?: (string);
  /**
   * As in InviteByEmailRequest.
   */
  'ttlHours'?: (number);
  'actorUserId'?: (string);
}

export interface ResendInviteRequest__Output {
  'teamId': (string);
  'inviteId': (string);
  /**
   * As in InviteByEmailRequest.
   */
  'ttlHours': (number);
  'actorUserId': (string);
}

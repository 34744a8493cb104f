// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


export interface InviteByEmailRequest {
  'teamId'?: (string);
  'email'?: (string);
  /**
   * Hours until the invite expires; 0 means the default (168, one week); at most 720.
   */
  'ttlHours'?: (number);
  'actorUserId'?: (string);
}

export interface InviteByEmailRequest__Output {
  'teamId': (string);
  'email': (string);
  /**
   * Hours until the invite expires; 0 means the default (168, one week); at most 720.
   */
  'ttlHours': (number);
  'actorUserId': (string);
}

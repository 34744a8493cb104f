// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


export interface TeamKey {
  'subscriberUserId'?: (string);
  'managementEntitlement'?: (string);
}

export interface TeamKey__Output {
  'subscriberUserId': (string);
  'managementEntitlement': (string);
}

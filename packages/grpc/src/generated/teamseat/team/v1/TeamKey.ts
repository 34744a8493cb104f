// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


export interface TeamKey {
  'subscriberUserId'?: (string);
  'managementEntitlement'?: (string);
  /**
   * Empty: the management entitlement's default group, the only one before subscription groups existed,
   * so callers that do not know groups keep finding the teams they found (ADR 0030).
   */
  'subscriptionGroup'?: (string);
}

export interface TeamKey__Output {
  'subscriberUserId': (string);
  'managementEntitlement': (string);
  /**
   * Empty: the management entitlement's default group, the only one before subscription groups existed,
   * so callers that do not know groups keep finding the teams they found (ADR 0030).
   */
  'subscriptionGroup': (string);
}

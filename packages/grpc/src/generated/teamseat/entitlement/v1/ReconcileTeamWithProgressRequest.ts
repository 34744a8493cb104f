// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto


export interface ReconcileTeamWithProgressRequest {
  'teamId'?: (string);
  /**
   * Who asked (for the audit log); optional.
   */
  'actorUserId'?: (string);
}

export interface ReconcileTeamWithProgressRequest__Output {
  'teamId': (string);
  /**
   * Who asked (for the audit log); optional.
   */
  'actorUserId': (string);
}

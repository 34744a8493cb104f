// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto


export interface SyncCustomerRequest {
  'userId'?: (string);
  /**
   * Who asked (for the audit log); optional.
   */
  'actorUserId'?: (string);
}

export interface SyncCustomerRequest__Output {
  'userId': (string);
  /**
   * Who asked (for the audit log); optional.
   */
  'actorUserId': (string);
}

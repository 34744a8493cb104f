// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto


export interface SyncCustomerRequest {
  'userId'?: (string);
  /**
   * Who asked (for the audit log); optional.
   */
  'actorUserId'?: (string);
  /**
   * Read RevenueCat even when the stored snapshot is fresh (after a purchase or a restore in the app).
   */
  'force'?: (boolean);
}

export interface SyncCustomerRequest__Output {
  'userId': (string);
  /**
   * Who asked (for the audit log); optional.
   */
  'actorUserId': (string);
  /**
   * Read RevenueCat even when the stored snapshot is fresh (after a purchase or a restore in the app).
   */
  'force': (boolean);
}

// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto


export interface ReconcileProgress {
  /**
   * Members reconciled so far, of `total` (the roster when the work started).
   */
  'done'?: (number);
  'total'?: (number);
  'granted'?: (number);
  'revoked'?: (number);
  'failed'?: (number);
}

export interface ReconcileProgress__Output {
  /**
   * Members reconciled so far, of `total` (the roster when the work started).
   */
  'done': (number);
  'total': (number);
  'granted': (number);
  'revoked': (number);
  'failed': (number);
}

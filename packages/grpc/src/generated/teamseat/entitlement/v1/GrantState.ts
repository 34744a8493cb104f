// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

/**
 * Where a grant stands in the ledger.
 */
export const GrantState = {
  GRANT_STATE_UNSPECIFIED: 'GRANT_STATE_UNSPECIFIED',
  /**
   * RevenueCat confirmed the desired expiry.
   */
  GRANT_STATE_IN_SYNC: 'GRANT_STATE_IN_SYNC',
  /**
   * A grant or extension is wanted and not yet confirmed (first try or retrying).
   */
  GRANT_STATE_GRANT_PENDING: 'GRANT_STATE_GRANT_PENDING',
  /**
   * A revoke is wanted and not yet confirmed.
   */
  GRANT_STATE_REVOKE_PENDING: 'GRANT_STATE_REVOKE_PENDING',
  /**
   * Attempts failed with a non-retriable error; needs ReconcileTeam or a fix.
   */
  GRANT_STATE_FAILED: 'GRANT_STATE_FAILED',
  /**
   * Nothing wanted and nothing granted.
   */
  GRANT_STATE_REVOKED: 'GRANT_STATE_REVOKED',
} as const;

/**
 * Where a grant stands in the ledger.
 */
export type GrantState =
  | 'GRANT_STATE_UNSPECIFIED'
  | 0
  /**
   * RevenueCat confirmed the desired expiry.
   */
  | 'GRANT_STATE_IN_SYNC'
  | 1
  /**
   * A grant or extension is wanted and not yet confirmed (first try or retrying).
   */
  | 'GRANT_STATE_GRANT_PENDING'
  | 2
  /**
   * A revoke is wanted and not yet confirmed.
   */
  | 'GRANT_STATE_REVOKE_PENDING'
  | 3
  /**
   * Attempts failed with a non-retriable error; needs ReconcileTeam or a fix.
   */
  | 'GRANT_STATE_FAILED'
  | 4
  /**
   * Nothing wanted and nothing granted.
   */
  | 'GRANT_STATE_REVOKED'
  | 5

/**
 * Where a grant stands in the ledger.
 */
export type GrantState__Output = typeof GrantState[keyof typeof GrantState]

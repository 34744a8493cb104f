// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

export const ChangeCause = {
  CHANGE_CAUSE_UNSPECIFIED: 'CHANGE_CAUSE_UNSPECIFIED',
  /**
   * A RevenueCat webhook for the user.
   */
  CHANGE_CAUSE_WEBHOOK: 'CHANGE_CAUSE_WEBHOOK',
  /**
   * A team event (member added or removed, team renewed or expired...).
   */
  CHANGE_CAUSE_TEAM_EVENT: 'CHANGE_CAUSE_TEAM_EVENT',
  /**
   * SyncCustomer.
   */
  CHANGE_CAUSE_SYNC: 'CHANGE_CAUSE_SYNC',
  /**
   * ReconcileTeam or the periodic sweep.
   */
  CHANGE_CAUSE_RECONCILE: 'CHANGE_CAUSE_RECONCILE',
  /**
   * The stored expiry passed.
   */
  CHANGE_CAUSE_EXPIRY: 'CHANGE_CAUSE_EXPIRY',
} as const;

export type ChangeCause =
  | 'CHANGE_CAUSE_UNSPECIFIED'
  | 0
  /**
   * A RevenueCat webhook for the user.
   */
  | 'CHANGE_CAUSE_WEBHOOK'
  | 1
  /**
   * A team event (member added or removed, team renewed or expired...).
   */
  | 'CHANGE_CAUSE_TEAM_EVENT'
  | 2
  /**
   * SyncCustomer.
   */
  | 'CHANGE_CAUSE_SYNC'
  | 3
  /**
   * ReconcileTeam or the periodic sweep.
   */
  | 'CHANGE_CAUSE_RECONCILE'
  | 4
  /**
   * The stored expiry passed.
   */
  | 'CHANGE_CAUSE_EXPIRY'
  | 5

export type ChangeCause__Output = typeof ChangeCause[keyof typeof ChangeCause]

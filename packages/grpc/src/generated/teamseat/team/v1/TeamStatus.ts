// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

export const TeamStatus = {
  TEAM_STATUS_UNSPECIFIED: 'TEAM_STATUS_UNSPECIFIED',
  /**
   * The subscription is paid up to period_ends_at.
   */
  TEAM_STATUS_ACTIVE: 'TEAM_STATUS_ACTIVE',
  /**
   * Billing issue; access continues until the store's grace period ends.
   */
  TEAM_STATUS_GRACE: 'TEAM_STATUS_GRACE',
  /**
   * No access; seat limit 0, no seats in use; pending invites revoked. While roster_retained_until is set
   * the members stay on the roster suspended (no access) and a later ACTIVE or GRACE state restores them;
   * without it (retention 0, or over) everyone but the owner was removed. The team and its history stay,
   * and a later ACTIVE state reactivates it. See docs/adr/0030-roster-retention-and-identified-users.md.
   */
  TEAM_STATUS_EXPIRED: 'TEAM_STATUS_EXPIRED',
} as const;

export type TeamStatus =
  | 'TEAM_STATUS_UNSPECIFIED'
  | 0
  /**
   * The subscription is paid up to period_ends_at.
   */
  | 'TEAM_STATUS_ACTIVE'
  | 1
  /**
   * Billing issue; access continues until the store's grace period ends.
   */
  | 'TEAM_STATUS_GRACE'
  | 2
  /**
   * No access; seat limit 0, no seats in use; pending invites revoked. While roster_retained_until is set
   * the members stay on the roster suspended (no access) and a later ACTIVE or GRACE state restores them;
   * without it (retention 0, or over) everyone but the owner was removed. The team and its history stay,
   * and a later ACTIVE state reactivates it. See docs/adr/0030-roster-retention-and-identified-users.md.
   */
  | 'TEAM_STATUS_EXPIRED'
  | 3

export type TeamStatus__Output = typeof TeamStatus[keyof typeof TeamStatus]

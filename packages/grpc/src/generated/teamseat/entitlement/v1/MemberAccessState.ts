// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

/**
 * A member's access as an app shows it ("your seat is ready"), ADR 0037.
 */
export const MemberAccessState = {
  MEMBER_ACCESS_STATE_UNSPECIFIED: 'MEMBER_ACCESS_STATE_UNSPECIFIED',
  /**
   * The seat is given but access is not live yet: entitlement-service has not applied the team version,
   * or the grant is being made.
   */
  MEMBER_ACCESS_STATE_PENDING: 'MEMBER_ACCESS_STATE_PENDING',
  /**
   * Every member entitlement is active: granted by the team, or covered by access teamseat did not give.
   */
  MEMBER_ACCESS_STATE_ACTIVE: 'MEMBER_ACCESS_STATE_ACTIVE',
  /**
   * A grant failed (reason set); `will_retry` says whether entitlement-service keeps trying by itself.
   */
  MEMBER_ACCESS_STATE_FAILED: 'MEMBER_ACCESS_STATE_FAILED',
  /**
   * The user holds no seat in the team (never added, removed, suspended or the team expired).
   */
  MEMBER_ACCESS_STATE_NOT_A_MEMBER: 'MEMBER_ACCESS_STATE_NOT_A_MEMBER',
} as const;

/**
 * A member's access as an app shows it ("your seat is ready"), ADR 0037.
 */
export type MemberAccessState =
  | 'MEMBER_ACCESS_STATE_UNSPECIFIED'
  | 0
  /**
   * The seat is given but access is not live yet: entitlement-service has not applied the team version,
   * or the grant is being made.
   */
  | 'MEMBER_ACCESS_STATE_PENDING'
  | 1
  /**
   * Every member entitlement is active: granted by the team, or covered by access teamseat did not give.
   */
  | 'MEMBER_ACCESS_STATE_ACTIVE'
  | 2
  /**
   * A grant failed (reason set); `will_retry` says whether entitlement-service keeps trying by itself.
   */
  | 'MEMBER_ACCESS_STATE_FAILED'
  | 3
  /**
   * The user holds no seat in the team (never added, removed, suspended or the team expired).
   */
  | 'MEMBER_ACCESS_STATE_NOT_A_MEMBER'
  | 4

/**
 * A member's access as an app shows it ("your seat is ready"), ADR 0037.
 */
export type MemberAccessState__Output = typeof MemberAccessState[keyof typeof MemberAccessState]

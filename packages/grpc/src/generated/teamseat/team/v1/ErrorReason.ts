// Original file: /work/main/proto/teamseat/team/v1/team_errors.proto

/**
 * Machine-readable failure reasons of TeamService, sent as strings (the value names) in the trailing
 * metadata `error-reason`. The names are bare on purpose: they are the wire strings, so buf's
 * ENUM_VALUE_PREFIX rule is switched off for this file only. Add values; never rename or reuse one.
 */
export const ErrorReason = {
  ERROR_REASON_UNSPECIFIED: 'ERROR_REASON_UNSPECIFIED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  INVALID_PAGE_TOKEN: 'INVALID_PAGE_TOKEN',
  INVALID_EMAIL: 'INVALID_EMAIL',
  TEAM_NOT_FOUND: 'TEAM_NOT_FOUND',
  NOT_A_MEMBER: 'NOT_A_MEMBER',
  INVITE_NOT_FOUND: 'INVITE_NOT_FOUND',
  ALREADY_MEMBER: 'ALREADY_MEMBER',
  ALREADY_ADMIN: 'ALREADY_ADMIN',
  INVITE_ALREADY_PENDING: 'INVITE_ALREADY_PENDING',
  TEAM_ALREADY_OWNED: 'TEAM_ALREADY_OWNED',
  TEAM_NOT_ACTIVE: 'TEAM_NOT_ACTIVE',
  SEAT_LIMIT_REACHED: 'SEAT_LIMIT_REACHED',
  OWNER_CANNOT_LEAVE: 'OWNER_CANNOT_LEAVE',
  OWNER_CANNOT_BE_REMOVED: 'OWNER_CANNOT_BE_REMOVED',
  OWNER_IS_NOT_ADMIN: 'OWNER_IS_NOT_ADMIN',
  NOT_AN_ADMIN: 'NOT_AN_ADMIN',
  ALREADY_OWNER: 'ALREADY_OWNER',
  INVITE_NOT_PENDING: 'INVITE_NOT_PENDING',
  INVITE_EXPIRED: 'INVITE_EXPIRED',
  /**
   * PERMISSION_DENIED rule: the actor must be the owner or an admin.
   */
  NOT_TEAM_MANAGER: 'NOT_TEAM_MANAGER',
  /**
   * PERMISSION_DENIED rule: the actor must be the owner.
   */
  NOT_TEAM_OWNER: 'NOT_TEAM_OWNER',
  /**
   * PERMISSION_DENIED rule: an admin tried to remove another admin.
   */
  ONLY_OWNER_MAY_REMOVE_ADMIN: 'ONLY_OWNER_MAY_REMOVE_ADMIN',
  /**
   * PERMISSION_DENIED rule: a read by an actor who is not on the team.
   */
  NOT_ON_TEAM: 'NOT_ON_TEAM',
  /**
   * PERMISSION_DENIED rule: a user may list only their own teams.
   */
  NOT_SELF: 'NOT_SELF',
  /**
   * PERMISSION_DENIED rule: an app token called an internal RPC.
   */
  INTERNAL_ONLY: 'INTERNAL_ONLY',
  UNAVAILABLE: 'UNAVAILABLE',
  /**
   * INVALID_ARGUMENT: a user id that would own, join or manage a team is an anonymous RevenueCat id
   * (`$RCAnonymousID:`); teams are for identified app user ids only (ADR 0030).
   */
  ANONYMOUS_USER_ID: 'ANONYMOUS_USER_ID',
} as const;

/**
 * Machine-readable failure reasons of TeamService, sent as strings (the value names) in the trailing
 * metadata `error-reason`. The names are bare on purpose: they are the wire strings, so buf's
 * ENUM_VALUE_PREFIX rule is switched off for this file only. Add values; never rename or reuse one.
 */
export type ErrorReason =
  | 'ERROR_REASON_UNSPECIFIED'
  | 0
  | 'UNAUTHENTICATED'
  | 1
  | 'INVALID_ARGUMENT'
  | 2
  | 'INVALID_PAGE_TOKEN'
  | 3
  | 'INVALID_EMAIL'
  | 4
  | 'TEAM_NOT_FOUND'
  | 5
  | 'NOT_A_MEMBER'
  | 6
  | 'INVITE_NOT_FOUND'
  | 7
  | 'ALREADY_MEMBER'
  | 8
  | 'ALREADY_ADMIN'
  | 9
  | 'INVITE_ALREADY_PENDING'
  | 10
  | 'TEAM_ALREADY_OWNED'
  | 11
  | 'TEAM_NOT_ACTIVE'
  | 12
  | 'SEAT_LIMIT_REACHED'
  | 13
  | 'OWNER_CANNOT_LEAVE'
  | 14
  | 'OWNER_CANNOT_BE_REMOVED'
  | 15
  | 'OWNER_IS_NOT_ADMIN'
  | 16
  | 'NOT_AN_ADMIN'
  | 17
  | 'ALREADY_OWNER'
  | 18
  | 'INVITE_NOT_PENDING'
  | 19
  | 'INVITE_EXPIRED'
  | 20
  /**
   * PERMISSION_DENIED rule: the actor must be the owner or an admin.
   */
  | 'NOT_TEAM_MANAGER'
  | 21
  /**
   * PERMISSION_DENIED rule: the actor must be the owner.
   */
  | 'NOT_TEAM_OWNER'
  | 22
  /**
   * PERMISSION_DENIED rule: an admin tried to remove another admin.
   */
  | 'ONLY_OWNER_MAY_REMOVE_ADMIN'
  | 23
  /**
   * PERMISSION_DENIED rule: a read by an actor who is not on the team.
   */
  | 'NOT_ON_TEAM'
  | 24
  /**
   * PERMISSION_DENIED rule: a user may list only their own teams.
   */
  | 'NOT_SELF'
  | 25
  /**
   * PERMISSION_DENIED rule: an app token called an internal RPC.
   */
  | 'INTERNAL_ONLY'
  | 26
  | 'UNAVAILABLE'
  | 27
  /**
   * INVALID_ARGUMENT: a user id that would own, join or manage a team is an anonymous RevenueCat id
   * (`$RCAnonymousID:`); teams are for identified app user ids only (ADR 0030).
   */
  | 'ANONYMOUS_USER_ID'
  | 28

/**
 * Machine-readable failure reasons of TeamService, sent as strings (the value names) in the trailing
 * metadata `error-reason`. The names are bare on purpose: they are the wire strings, so buf's
 * ENUM_VALUE_PREFIX rule is switched off for this file only. Add values; never rename or reuse one.
 */
export type ErrorReason__Output = typeof ErrorReason[keyof typeof ErrorReason]

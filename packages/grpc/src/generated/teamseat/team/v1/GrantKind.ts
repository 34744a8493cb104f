// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

/**
 * What a seat gives, as in the grant-terms facts (packages/contracts/src/member-grants.ts).
 */
export const GrantKind = {
  GRANT_KIND_UNSPECIFIED: 'GRANT_KIND_UNSPECIFIED',
  /**
   * The team gives the user nothing (no seat, or the team expired).
   */
  GRANT_KIND_NONE: 'GRANT_KIND_NONE',
  /**
   * Access until `until` (the team's period end, or the end of grace), before any grant buffer.
   */
  GRANT_KIND_UNTIL: 'GRANT_KIND_UNTIL',
  /**
   * Access for life.
   */
  GRANT_KIND_LIFETIME: 'GRANT_KIND_LIFETIME',
} as const;

/**
 * What a seat gives, as in the grant-terms facts (packages/contracts/src/member-grants.ts).
 */
export type GrantKind =
  | 'GRANT_KIND_UNSPECIFIED'
  | 0
  /**
   * The team gives the user nothing (no seat, or the team expired).
   */
  | 'GRANT_KIND_NONE'
  | 1
  /**
   * Access until `until` (the team's period end, or the end of grace), before any grant buffer.
   */
  | 'GRANT_KIND_UNTIL'
  | 2
  /**
   * Access for life.
   */
  | 'GRANT_KIND_LIFETIME'
  | 3

/**
 * What a seat gives, as in the grant-terms facts (packages/contracts/src/member-grants.ts).
 */
export type GrantKind__Output = typeof GrantKind[keyof typeof GrantKind]

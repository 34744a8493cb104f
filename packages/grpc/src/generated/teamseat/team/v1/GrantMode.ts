// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

/**
 * How members' promotional grants last (from the catalog).
 */
export const GrantMode = {
  GRANT_MODE_UNSPECIFIED: 'GRANT_MODE_UNSPECIFIED',
  /**
   * Until the team's period end plus a buffer, extended on each renewal.
   */
  GRANT_MODE_PERIOD: 'GRANT_MODE_PERIOD',
  /**
   * Once granted, for life.
   */
  GRANT_MODE_LIFETIME: 'GRANT_MODE_LIFETIME',
} as const;

/**
 * How members' promotional grants last (from the catalog).
 */
export type GrantMode =
  | 'GRANT_MODE_UNSPECIFIED'
  | 0
  /**
   * Until the team's period end plus a buffer, extended on each renewal.
   */
  | 'GRANT_MODE_PERIOD'
  | 1
  /**
   * Once granted, for life.
   */
  | 'GRANT_MODE_LIFETIME'
  | 2

/**
 * How members' promotional grants last (from the catalog).
 */
export type GrantMode__Output = typeof GrantMode[keyof typeof GrantMode]

// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

/**
 * What happens when the seat limit drops below the number of seated members (from the catalog).
 */
export const ShrinkPolicy = {
  SHRINK_POLICY_UNSPECIFIED: 'SHRINK_POLICY_UNSPECIFIED',
  SHRINK_POLICY_BLOCK: 'SHRINK_POLICY_BLOCK',
  SHRINK_POLICY_REMOVE_LAST_JOINED: 'SHRINK_POLICY_REMOVE_LAST_JOINED',
  SHRINK_POLICY_ADMIN_CHOICE: 'SHRINK_POLICY_ADMIN_CHOICE',
} as const;

/**
 * What happens when the seat limit drops below the number of seated members (from the catalog).
 */
export type ShrinkPolicy =
  | 'SHRINK_POLICY_UNSPECIFIED'
  | 0
  | 'SHRINK_POLICY_BLOCK'
  | 1
  | 'SHRINK_POLICY_REMOVE_LAST_JOINED'
  | 2
  | 'SHRINK_POLICY_ADMIN_CHOICE'
  | 3

/**
 * What happens when the seat limit drops below the number of seated members (from the catalog).
 */
export type ShrinkPolicy__Output = typeof ShrinkPolicy[keyof typeof ShrinkPolicy]

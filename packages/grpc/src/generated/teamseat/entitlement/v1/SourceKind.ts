// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

export const SourceKind = {
  SOURCE_KIND_UNSPECIFIED: 'SOURCE_KIND_UNSPECIFIED',
  /**
   * The user's own store purchase.
   */
  SOURCE_KIND_STORE: 'SOURCE_KIND_STORE',
  /**
   * A promotional grant this system made for a team seat (team_id set).
   */
  SOURCE_KIND_TEAM_GRANT: 'SOURCE_KIND_TEAM_GRANT',
  /**
   * A promotional grant made by anyone else (dashboard, support).
   */
  SOURCE_KIND_PROMOTIONAL_OTHER: 'SOURCE_KIND_PROMOTIONAL_OTHER',
  /**
   * No active source.
   */
  SOURCE_KIND_NONE: 'SOURCE_KIND_NONE',
} as const;

export type SourceKind =
  | 'SOURCE_KIND_UNSPECIFIED'
  | 0
  /**
   * The user's own store purchase.
   */
  | 'SOURCE_KIND_STORE'
  | 1
  /**
   * A promotional grant this system made for a team seat (team_id set).
   */
  | 'SOURCE_KIND_TEAM_GRANT'
  | 2
  /**
   * A promotional grant made by anyone else (dashboard, support).
   */
  | 'SOURCE_KIND_PROMOTIONAL_OTHER'
  | 3
  /**
   * No active source.
   */
  | 'SOURCE_KIND_NONE'
  | 4

export type SourceKind__Output = typeof SourceKind[keyof typeof SourceKind]

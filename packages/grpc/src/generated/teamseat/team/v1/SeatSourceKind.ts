// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

export const SeatSourceKind = {
  SEAT_SOURCE_KIND_UNSPECIFIED: 'SEAT_SOURCE_KIND_UNSPECIFIED',
  /**
   * The team product's subscription (catalog seats).
   */
  SEAT_SOURCE_KIND_PLAN: 'SEAT_SOURCE_KIND_PLAN',
  /**
   * A seat pack the subscriber bought for this team (catalog seatPacks).
   */
  SEAT_SOURCE_KIND_PACK: 'SEAT_SOURCE_KIND_PACK',
} as const;

export type SeatSourceKind =
  | 'SEAT_SOURCE_KIND_UNSPECIFIED'
  | 0
  /**
   * The team product's subscription (catalog seats).
   */
  | 'SEAT_SOURCE_KIND_PLAN'
  | 1
  /**
   * A seat pack the subscriber bought for this team (catalog seatPacks).
   */
  | 'SEAT_SOURCE_KIND_PACK'
  | 2

export type SeatSourceKind__Output = typeof SeatSourceKind[keyof typeof SeatSourceKind]

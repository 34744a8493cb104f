// Original file: /work/main/proto/teamseat/team/v1/team_service.proto


/**
 * A running seat-pack subscription of the subscriber (ADR 0038).
 */
export interface SeatPack {
  'productId'?: (string);
  'seats'?: (number);
}

/**
 * A running seat-pack subscription of the subscriber (ADR 0038).
 */
export interface SeatPack__Output {
  'productId': (string);
  'seats': (number);
}

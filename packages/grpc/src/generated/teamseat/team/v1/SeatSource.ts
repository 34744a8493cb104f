// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { SeatSourceKind as _teamseat_team_v1_SeatSourceKind, SeatSourceKind__Output as _teamseat_team_v1_SeatSourceKind__Output } from '../../../teamseat/team/v1/SeatSourceKind';

export interface SeatSource {
  'kind'?: (_teamseat_team_v1_SeatSourceKind);
  /**
   * The store product (the team product, or the pack's product).
   */
  'productId'?: (string);
  'seats'?: (number);
}

export interface SeatSource__Output {
  'kind': (_teamseat_team_v1_SeatSourceKind__Output);
  /**
   * The store product (the team product, or the pack's product).
   */
  'productId': (string);
  'seats': (number);
}

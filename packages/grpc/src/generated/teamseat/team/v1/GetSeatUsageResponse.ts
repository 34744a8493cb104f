// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { TeamStatus as _teamseat_team_v1_TeamStatus, TeamStatus__Output as _teamseat_team_v1_TeamStatus__Output } from '../../../teamseat/team/v1/TeamStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { SeatSource as _teamseat_team_v1_SeatSource, SeatSource__Output as _teamseat_team_v1_SeatSource__Output } from '../../../teamseat/team/v1/SeatSource';

export interface GetSeatUsageResponse {
  'teamId'?: (string);
  'status'?: (_teamseat_team_v1_TeamStatus);
  'seatLimit'?: (number);
  'seatsUsed'?: (number);
  'pendingInvites'?: (number);
  'seatsAvailable'?: (number);
  /**
   * Members on the roster, the owner included (differs from seats_used when the owner holds no seat).
   */
  'memberCount'?: (number);
  'overAssignedUntil'?: (_google_protobuf_Timestamp | null);
  /**
   * Where seat_limit comes from: the plan first, then each running seat pack; they add up to seat_limit.
   * Empty while the team is expired (ADR 0038).
   */
  'seatSources'?: (_teamseat_team_v1_SeatSource)[];
}

export interface GetSeatUsageResponse__Output {
  'teamId': (string);
  'status': (_teamseat_team_v1_TeamStatus__Output);
  'seatLimit': (number);
  'seatsUsed': (number);
  'pendingInvites': (number);
  'seatsAvailable': (number);
  /**
   * Members on the roster, the owner included (differs from seats_used when the owner holds no seat).
   */
  'memberCount': (number);
  'overAssignedUntil': (_google_protobuf_Timestamp__Output | null);
  /**
   * Where seat_limit comes from: the plan first, then each running seat pack; they add up to seat_limit.
   * Empty while the team is expired (ADR 0038).
   */
  'seatSources': (_teamseat_team_v1_SeatSource__Output)[];
}

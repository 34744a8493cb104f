// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { GrantKind as _teamseat_team_v1_GrantKind, GrantKind__Output as _teamseat_team_v1_GrantKind__Output } from '../../../teamseat/team/v1/GrantKind';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface GetMemberGrantResponse {
  'teamId'?: (string);
  'userId'?: (string);
  /**
   * The team version the answer is as of: at least min_version when the team has reached it.
   */
  'teamVersion'?: (number | string | Long);
  'productId'?: (string);
  'memberEntitlements'?: (string)[];
  'grantKind'?: (_teamseat_team_v1_GrantKind);
  /**
   * Set with GRANT_KIND_UNTIL only.
   */
  'until'?: (_google_protobuf_Timestamp | null);
}

export interface GetMemberGrantResponse__Output {
  'teamId': (string);
  'userId': (string);
  /**
   * The team version the answer is as of: at least min_version when the team has reached it.
   */
  'teamVersion': (string);
  'productId': (string);
  'memberEntitlements': (string)[];
  'grantKind': (_teamseat_team_v1_GrantKind__Output);
  /**
   * Set with GRANT_KIND_UNTIL only.
   */
  'until': (_google_protobuf_Timestamp__Output | null);
}

// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { GrantState as _teamseat_entitlement_v1_GrantState, GrantState__Output as _teamseat_entitlement_v1_GrantState__Output } from '../../../teamseat/entitlement/v1/GrantState';
import type { Expiry as _teamseat_entitlement_v1_Expiry, Expiry__Output as _teamseat_entitlement_v1_Expiry__Output } from '../../../teamseat/entitlement/v1/Expiry';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface MemberGrant {
  'userId'?: (string);
  'entitlement'?: (string);
  'state'?: (_teamseat_entitlement_v1_GrantState);
  /**
   * What the ledger wants, over all of the user's teams (absent: revoke).
   */
  'desired'?: (_teamseat_entitlement_v1_Expiry | null);
  /**
   * What RevenueCat last returned for the promotional grant (absent: none).
   */
  'confirmed'?: (_teamseat_entitlement_v1_Expiry | null);
  'confirmedAt'?: (_google_protobuf_Timestamp | null);
  /**
   * Attempts since the last success.
   */
  'attempts'?: (number);
  'lastError'?: (string);
  'lastAttemptAt'?: (_google_protobuf_Timestamp | null);
  'nextAttemptAt'?: (_google_protobuf_Timestamp | null);
  /**
   * Other teams that want this grant for the user too.
   */
  'otherTeamIds'?: (string)[];
  /**
   * Promotional access someone else gave (RevenueCat's API or dashboard, support, another system), as the
   * ledger last saw it; absent when none is active. teamseat never shortens or revokes it (ADR 0029).
   */
  'otherPromotional'?: (_teamseat_entitlement_v1_Expiry | null);
  /**
   * The store purchase giving the entitlement, from the stored snapshot; absent when none is active.
   */
  'store'?: (_teamseat_entitlement_v1_Expiry | null);
}

export interface MemberGrant__Output {
  'userId': (string);
  'entitlement': (string);
  'state': (_teamseat_entitlement_v1_GrantState__Output);
  /**
   * What the ledger wants, over all of the user's teams (absent: revoke).
   */
  'desired': (_teamseat_entitlement_v1_Expiry__Output | null);
  /**
   * What RevenueCat last returned for the promotional grant (absent: none).
   */
  'confirmed': (_teamseat_entitlement_v1_Expiry__Output | null);
  'confirmedAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * Attempts since the last success.
   */
  'attempts': (number);
  'lastError': (string);
  'lastAttemptAt': (_google_protobuf_Timestamp__Output | null);
  'nextAttemptAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * Other teams that want this grant for the user too.
   */
  'otherTeamIds': (string)[];
  /**
   * Promotional access someone else gave (RevenueCat's API or dashboard, support, another system), as the
   * ledger last saw it; absent when none is active. teamseat never shortens or revokes it (ADR 0029).
   */
  'otherPromotional': (_teamseat_entitlement_v1_Expiry__Output | null);
  /**
   * The store purchase giving the entitlement, from the stored snapshot; absent when none is active.
   */
  'store': (_teamseat_entitlement_v1_Expiry__Output | null);
}

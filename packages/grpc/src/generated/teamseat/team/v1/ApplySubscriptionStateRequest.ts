// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { TeamStatus as _teamseat_team_v1_TeamStatus, TeamStatus__Output as _teamseat_team_v1_TeamStatus__Output } from '../../../teamseat/team/v1/TeamStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { GrantMode as _teamseat_team_v1_GrantMode, GrantMode__Output as _teamseat_team_v1_GrantMode__Output } from '../../../teamseat/team/v1/GrantMode';
import type { ShrinkPolicy as _teamseat_team_v1_ShrinkPolicy, ShrinkPolicy__Output as _teamseat_team_v1_ShrinkPolicy__Output } from '../../../teamseat/team/v1/ShrinkPolicy';
import type { SeatPack as _teamseat_team_v1_SeatPack, SeatPack__Output as _teamseat_team_v1_SeatPack__Output } from '../../../teamseat/team/v1/SeatPack';

export interface ApplySubscriptionStateRequest {
  /**
   * The RevenueCat app user id holding the team product subscription.
   */
  'subscriberUserId'?: (string);
  'productId'?: (string);
  /**
   * Seats the product gives (catalog), 0 allowed only with EXPIRED.
   */
  'seatLimit'?: (number);
  'status'?: (_teamseat_team_v1_TeamStatus);
  /**
   * Absent for lifetime purchases.
   */
  'periodEndsAt'?: (_google_protobuf_Timestamp | null);
  'memberEntitlements'?: (string)[];
  'grantMode'?: (_teamseat_team_v1_GrantMode);
  'shrinkPolicy'?: (_teamseat_team_v1_ShrinkPolicy);
  'ownerTakesSeat'?: (boolean);
  /**
   * ADMIN_CHOICE only; 0 means 72.
   */
  'adminChoiceGraceHours'?: (number);
  /**
   * When the state was true at RevenueCat (the subscriber fetch's request_date, or the event's
   * event_timestamp_ms); the watermark that makes late or duplicate calls harmless.
   */
  'sourceEventAt'?: (_google_protobuf_Timestamp | null);
  /**
   * RevenueCat event id that triggered the sync, if any (causation in emitted events).
   */
  'sourceEventId'?: (string);
  /**
   * With subscriber_user_id, the key of the team (see the service comment).
   */
  'managementEntitlement'?: (string);
  /**
   * Days an expiry keeps the roster as suspended members, counted from period_ends_at (catalog
   * rosterRetentionDays, at most 3660). 0 means team-service's catalog value for the product, or none
   * kept without a catalog (the behaviour before the field existed).
   */
  'rosterRetentionDays'?: (number);
  /**
   * The product's store subscription group; with subscriber_user_id and management_entitlement, the team's
   * key. Empty: team-service's catalog value for the product, else the management entitlement.
   */
  'subscriptionGroup'?: (string);
  /**
   * The subscriber's running seat packs for this team (catalog seatPacks, at most one per product; an expired
   * or never bought pack is left out). The team's seat limit is seat_limit plus their seats while the team
   * runs. Absent: none (the behaviour before the field existed). ADR 0038.
   */
  'seatPacks'?: (_teamseat_team_v1_SeatPack)[];
}

export interface ApplySubscriptionStateRequest__Output {
  /**
   * The RevenueCat app user id holding the team product subscription.
   */
  'subscriberUserId': (string);
  'productId': (string);
  /**
   * Seats the product gives (catalog), 0 allowed only with EXPIRED.
   */
  'seatLimit': (number);
  'status': (_teamseat_team_v1_TeamStatus__Output);
  /**
   * Absent for lifetime purchases.
   */
  'periodEndsAt': (_google_protobuf_Timestamp__Output | null);
  'memberEntitlements': (string)[];
  'grantMode': (_teamseat_team_v1_GrantMode__Output);
  'shrinkPolicy': (_teamseat_team_v1_ShrinkPolicy__Output);
  'ownerTakesSeat': (boolean);
  /**
   * ADMIN_CHOICE only; 0 means 72.
   */
  'adminChoiceGraceHours': (number);
  /**
   * When the state was true at RevenueCat (the subscriber fetch's request_date, or the event's
   * event_timestamp_ms); the watermark that makes late or duplicate calls harmless.
   */
  'sourceEventAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * RevenueCat event id that triggered the sync, if any (causation in emitted events).
   */
  'sourceEventId': (string);
  /**
   * With subscriber_user_id, the key of the team (see the service comment).
   */
  'managementEntitlement': (string);
  /**
   * Days an expiry keeps the roster as suspended members, counted from period_ends_at (catalog
   * rosterRetentionDays, at most 3660). 0 means team-service's catalog value for the product, or none
   * kept without a catalog (the behaviour before the field existed).
   */
  'rosterRetentionDays': (number);
  /**
   * The product's store subscription group; with subscriber_user_id and management_entitlement, the team's
   * key. Empty: team-service's catalog value for the product, else the management entitlement.
   */
  'subscriptionGroup': (string);
  /**
   * The subscriber's running seat packs for this team (catalog seatPacks, at most one per product; an expired
   * or never bought pack is left out). The team's seat limit is seat_limit plus their seats while the team
   * runs. Absent: none (the behaviour before the field existed). ADR 0038.
   */
  'seatPacks': (_teamseat_team_v1_SeatPack__Output)[];
}

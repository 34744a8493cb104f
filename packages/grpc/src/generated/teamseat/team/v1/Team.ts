// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type { TeamStatus as _teamseat_team_v1_TeamStatus, TeamStatus__Output as _teamseat_team_v1_TeamStatus__Output } from '../../../teamseat/team/v1/TeamStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { GrantMode as _teamseat_team_v1_GrantMode, GrantMode__Output as _teamseat_team_v1_GrantMode__Output } from '../../../teamseat/team/v1/GrantMode';
import type { ShrinkPolicy as _teamseat_team_v1_ShrinkPolicy, ShrinkPolicy__Output as _teamseat_team_v1_ShrinkPolicy__Output } from '../../../teamseat/team/v1/ShrinkPolicy';
import type { Long } from '@grpc/proto-loader';

export interface Team {
  /**
   * Opaque and stable for the team's life (it survives ownership transfers).
   */
  'teamId'?: (string);
  /**
   * The managing user.
   */
  'ownerUserId'?: (string);
  /**
   * The RevenueCat app user id whose store subscription funds the team. Equal to owner_user_id unless
   * the owner handed management to someone else (TRANSFER_KIND_OWNER_INITIATED).
   */
  'subscriberUserId'?: (string);
  /**
   * Store product id of the team product (as the catalog lists it); changes with a tier change.
   */
  'productId'?: (string);
  'status'?: (_teamseat_team_v1_TeamStatus);
  'seatLimit'?: (number);
  /**
   * Members holding a seat (the owner counts only with owner_takes_seat).
   */
  'seatsUsed'?: (number);
  'pendingInvites'?: (number);
  /**
   * seat_limit - seats_used - pending_invites; negative while over-assigned.
   */
  'seatsAvailable'?: (number);
  /**
   * End of the paid period (or of the grace period while GRACE); absent for a lifetime purchase.
   */
  'periodEndsAt'?: (_google_protobuf_Timestamp | null);
  'memberEntitlements'?: (string)[];
  'grantMode'?: (_teamseat_team_v1_GrantMode);
  'shrinkPolicy'?: (_teamseat_team_v1_ShrinkPolicy);
  'ownerTakesSeat'?: (boolean);
  /**
   * User ids with role ADMIN.
   */
  'admins'?: (string)[];
  /**
   * Set while more members hold seats than seat_limit allows under ADMIN_CHOICE: the deadline for the
   * owner or an admin to remove members before team-service removes the last joined.
   */
  'overAssignedUntil'?: (_google_protobuf_Timestamp | null);
  /**
   * Increases by one on every change; events carry it so consumers can drop stale ones.
   */
  'version'?: (number | string | Long);
  'createdAt'?: (_google_protobuf_Timestamp | null);
  'updatedAt'?: (_google_protobuf_Timestamp | null);
  /**
   * source_event_at of the last applied subscription state (the watermark).
   */
  'subscriptionStateAt'?: (_google_protobuf_Timestamp | null);
  /**
   * Members on the roster, the owner included.
   */
  'memberCount'?: (number);
  /**
   * The catalog's management entitlement of the product; with subscriber_user_id, the team's key.
   */
  'managementEntitlement'?: (string);
  /**
   * Set while an EXPIRED team keeps its roster as suspended members: a subscription back by then restores
   * them; at that time they are removed (RosterCleared).
   */
  'rosterRetainedUntil'?: (_google_protobuf_Timestamp | null);
  /**
   * The store subscription group of the product (catalog `subscriptionGroup`; default: the management
   * entitlement). One subscription is one team: with subscriber_user_id and management_entitlement, the
   * team's key. A product change moves within a group and keeps the team (ADR 0030).
   */
  'subscriptionGroup'?: (string);
}

export interface Team__Output {
  /**
   * Opaque and stable for the team's life (it survives ownership transfers).
   */
  'teamId': (string);
  /**
   * The managing user.
   */
  'ownerUserId': (string);
  /**
   * The RevenueCat app user id whose store subscription funds the team. Equal to owner_user_id unless
   * the owner handed management to someone else (TRANSFER_KIND_OWNER_INITIATED).
   */
  'subscriberUserId': (string);
  /**
   * Store product id of the team product (as the catalog lists it); changes with a tier change.
   */
  'productId': (string);
  'status': (_teamseat_team_v1_TeamStatus__Output);
  'seatLimit': (number);
  /**
   * Members holding a seat (the owner counts only with owner_takes_seat).
   */
  'seatsUsed': (number);
  'pendingInvites': (number);
  /**
   * seat_limit - seats_used - pending_invites; negative while over-assigned.
   */
  'seatsAvailable': (number);
  /**
   * End of the paid period (or of the grace period while GRACE); absent for a lifetime purchase.
   */
  'periodEndsAt': (_google_protobuf_Timestamp__Output | null);
  'memberEntitlements': (string)[];
  'grantMode': (_teamseat_team_v1_GrantMode__Output);
  'shrinkPolicy': (_teamseat_team_v1_ShrinkPolicy__Output);
  'ownerTakesSeat': (boolean);
  /**
   * User ids with role ADMIN.
   */
  'admins': (string)[];
  /**
   * Set while more members hold seats than seat_limit allows under ADMIN_CHOICE: the deadline for the
   * owner or an admin to remove members before team-service removes the last joined.
   */
  'overAssignedUntil': (_google_protobuf_Timestamp__Output | null);
  /**
   * Increases by one on every change; events carry it so consumers can drop stale ones.
   */
  'version': (string);
  'createdAt': (_google_protobuf_Timestamp__Output | null);
  'updatedAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * source_event_at of the last applied subscription state (the watermark).
   */
  'subscriptionStateAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * Members on the roster, the owner included.
   */
  'memberCount': (number);
  /**
   * The catalog's management entitlement of the product; with subscriber_user_id, the team's key.
   */
  'managementEntitlement': (string);
  /**
   * Set while an EXPIRED team keeps its roster as suspended members: a subscription back by then restores
   * them; at that time they are removed (RosterCleared).
   */
  'rosterRetainedUntil': (_google_protobuf_Timestamp__Output | null);
  /**
   * The store subscription group of the product (catalog `subscriptionGroup`; default: the management
   * entitlement). One subscription is one team: with subscriber_user_id and management_entitlement, the
   * team's key. A product change moves within a group and keeps the team (ADR 0030).
   */
  'subscriptionGroup': (string);
}

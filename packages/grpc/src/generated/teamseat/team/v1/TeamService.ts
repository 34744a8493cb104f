// Original file: /work/main/proto/teamseat/team/v1/team_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AcceptInviteRequest as _teamseat_team_v1_AcceptInviteRequest, AcceptInviteRequest__Output as _teamseat_team_v1_AcceptInviteRequest__Output } from '../../../teamseat/team/v1/AcceptInviteRequest';
import type { AcceptInviteResponse as _teamseat_team_v1_AcceptInviteResponse, AcceptInviteResponse__Output as _teamseat_team_v1_AcceptInviteResponse__Output } from '../../../teamseat/team/v1/AcceptInviteResponse';
import type { AddMemberRequest as _teamseat_team_v1_AddMemberRequest, AddMemberRequest__Output as _teamseat_team_v1_AddMemberRequest__Output } from '../../../teamseat/team/v1/AddMemberRequest';
import type { AddMemberResponse as _teamseat_team_v1_AddMemberResponse, AddMemberResponse__Output as _teamseat_team_v1_AddMemberResponse__Output } from '../../../teamseat/team/v1/AddMemberResponse';
import type { ApplySubscriptionStateRequest as _teamseat_team_v1_ApplySubscriptionStateRequest, ApplySubscriptionStateRequest__Output as _teamseat_team_v1_ApplySubscriptionStateRequest__Output } from '../../../teamseat/team/v1/ApplySubscriptionStateRequest';
import type { ApplySubscriptionStateResponse as _teamseat_team_v1_ApplySubscriptionStateResponse, ApplySubscriptionStateResponse__Output as _teamseat_team_v1_ApplySubscriptionStateResponse__Output } from '../../../teamseat/team/v1/ApplySubscriptionStateResponse';
import type { GetMemberGrantRequest as _teamseat_team_v1_GetMemberGrantRequest, GetMemberGrantRequest__Output as _teamseat_team_v1_GetMemberGrantRequest__Output } from '../../../teamseat/team/v1/GetMemberGrantRequest';
import type { GetMemberGrantResponse as _teamseat_team_v1_GetMemberGrantResponse, GetMemberGrantResponse__Output as _teamseat_team_v1_GetMemberGrantResponse__Output } from '../../../teamseat/team/v1/GetMemberGrantResponse';
import type { GetSeatUsageRequest as _teamseat_team_v1_GetSeatUsageRequest, GetSeatUsageRequest__Output as _teamseat_team_v1_GetSeatUsageRequest__Output } from '../../../teamseat/team/v1/GetSeatUsageRequest';
import type { GetSeatUsageResponse as _teamseat_team_v1_GetSeatUsageResponse, GetSeatUsageResponse__Output as _teamseat_team_v1_GetSeatUsageResponse__Output } from '../../../teamseat/team/v1/GetSeatUsageResponse';
import type { GetTeamRequest as _teamseat_team_v1_GetTeamRequest, GetTeamRequest__Output as _teamseat_team_v1_GetTeamRequest__Output } from '../../../teamseat/team/v1/GetTeamRequest';
import type { GetTeamResponse as _teamseat_team_v1_GetTeamResponse, GetTeamResponse__Output as _teamseat_team_v1_GetTeamResponse__Output } from '../../../teamseat/team/v1/GetTeamResponse';
import type { GrantAdminRequest as _teamseat_team_v1_GrantAdminRequest, GrantAdminRequest__Output as _teamseat_team_v1_GrantAdminRequest__Output } from '../../../teamseat/team/v1/GrantAdminRequest';
import type { GrantAdminResponse as _teamseat_team_v1_GrantAdminResponse, GrantAdminResponse__Output as _teamseat_team_v1_GrantAdminResponse__Output } from '../../../teamseat/team/v1/GrantAdminResponse';
import type { InviteByEmailRequest as _teamseat_team_v1_InviteByEmailRequest, InviteByEmailRequest__Output as _teamseat_team_v1_InviteByEmailRequest__Output } from '../../../teamseat/team/v1/InviteByEmailRequest';
import type { InviteByEmailResponse as _teamseat_team_v1_InviteByEmailResponse, InviteByEmailResponse__Output as _teamseat_team_v1_InviteByEmailResponse__Output } from '../../../teamseat/team/v1/InviteByEmailResponse';
import type { LeaveTeamRequest as _teamseat_team_v1_LeaveTeamRequest, LeaveTeamRequest__Output as _teamseat_team_v1_LeaveTeamRequest__Output } from '../../../teamseat/team/v1/LeaveTeamRequest';
import type { LeaveTeamResponse as _teamseat_team_v1_LeaveTeamResponse, LeaveTeamResponse__Output as _teamseat_team_v1_LeaveTeamResponse__Output } from '../../../teamseat/team/v1/LeaveTeamResponse';
import type { ListInvitesRequest as _teamseat_team_v1_ListInvitesRequest, ListInvitesRequest__Output as _teamseat_team_v1_ListInvitesRequest__Output } from '../../../teamseat/team/v1/ListInvitesRequest';
import type { ListInvitesResponse as _teamseat_team_v1_ListInvitesResponse, ListInvitesResponse__Output as _teamseat_team_v1_ListInvitesResponse__Output } from '../../../teamseat/team/v1/ListInvitesResponse';
import type { ListMembersRequest as _teamseat_team_v1_ListMembersRequest, ListMembersRequest__Output as _teamseat_team_v1_ListMembersRequest__Output } from '../../../teamseat/team/v1/ListMembersRequest';
import type { ListMembersResponse as _teamseat_team_v1_ListMembersResponse, ListMembersResponse__Output as _teamseat_team_v1_ListMembersResponse__Output } from '../../../teamseat/team/v1/ListMembersResponse';
import type { ListTeamsOfUserRequest as _teamseat_team_v1_ListTeamsOfUserRequest, ListTeamsOfUserRequest__Output as _teamseat_team_v1_ListTeamsOfUserRequest__Output } from '../../../teamseat/team/v1/ListTeamsOfUserRequest';
import type { ListTeamsOfUserResponse as _teamseat_team_v1_ListTeamsOfUserResponse, ListTeamsOfUserResponse__Output as _teamseat_team_v1_ListTeamsOfUserResponse__Output } from '../../../teamseat/team/v1/ListTeamsOfUserResponse';
import type { RemoveMemberRequest as _teamseat_team_v1_RemoveMemberRequest, RemoveMemberRequest__Output as _teamseat_team_v1_RemoveMemberRequest__Output } from '../../../teamseat/team/v1/RemoveMemberRequest';
import type { RemoveMemberResponse as _teamseat_team_v1_RemoveMemberResponse, RemoveMemberResponse__Output as _teamseat_team_v1_RemoveMemberResponse__Output } from '../../../teamseat/team/v1/RemoveMemberResponse';
import type { ResendInviteRequest as _teamseat_team_v1_ResendInviteRequest, ResendInviteRequest__Output as _teamseat_team_v1_ResendInviteRequest__Output } from '../../../teamseat/team/v1/ResendInviteRequest';
import type { ResendInviteResponse as _teamseat_team_v1_ResendInviteResponse, ResendInviteResponse__Output as _teamseat_team_v1_ResendInviteResponse__Output } from '../../../teamseat/team/v1/ResendInviteResponse';
import type { RevokeAdminRequest as _teamseat_team_v1_RevokeAdminRequest, RevokeAdminRequest__Output as _teamseat_team_v1_RevokeAdminRequest__Output } from '../../../teamseat/team/v1/RevokeAdminRequest';
import type { RevokeAdminResponse as _teamseat_team_v1_RevokeAdminResponse, RevokeAdminResponse__Output as _teamseat_team_v1_RevokeAdminResponse__Output } from '../../../teamseat/team/v1/RevokeAdminResponse';
import type { RevokeInviteRequest as _teamseat_team_v1_RevokeInviteRequest, RevokeInviteRequest__Output as _teamseat_team_v1_RevokeInviteRequest__Output } from '../../../teamseat/team/v1/RevokeInviteRequest';
import type { RevokeInviteResponse as _teamseat_team_v1_RevokeInviteResponse, RevokeInviteResponse__Output as _teamseat_team_v1_RevokeInviteResponse__Output } from '../../../teamseat/team/v1/RevokeInviteResponse';
import type { TransferOwnershipRequest as _teamseat_team_v1_TransferOwnershipRequest, TransferOwnershipRequest__Output as _teamseat_team_v1_TransferOwnershipRequest__Output } from '../../../teamseat/team/v1/TransferOwnershipRequest';
import type { TransferOwnershipResponse as _teamseat_team_v1_TransferOwnershipResponse, TransferOwnershipResponse__Output as _teamseat_team_v1_TransferOwnershipResponse__Output } from '../../../teamseat/team/v1/TransferOwnershipResponse';

/**
 * TeamService owns teams, their rosters and their invites.
 * 
 * Callers. The app backend acts for an end user: it authenticates with a bearer token in the
 * `authorization` metadata and names that user in `actor_user_id`, which every mutating request
 * carries. entitlement-service is an internal caller; RPCs marked "internal" accept only tokens
 * configured as internal and have no end-user actor.
 * 
 * Errors. Every failure is a gRPC status with a human message naming the field or the rule, and a
 * machine-readable reason from `ErrorReason` (team_errors.proto), sent as the trailing metadata
 * `error-reason` and as `google.rpc.ErrorInfo.reason` (domain `teamseat.dev`) in
 * `grpc-status-details-bin` (see packages/grpc/src/status-details.ts).
 * Reasons common to every RPC are not repeated on each:
 * UNAUTHENTICATED     UNAUTHENTICATED       token missing or unknown
 * PERMISSION_DENIED   INTERNAL_ONLY         an app token called an internal RPC
 * INVALID_ARGUMENT    INVALID_ARGUMENT      a field is missing or malformed (message names it)
 * NOT_FOUND           TEAM_NOT_FOUND        no team with that id
 * UNAVAILABLE         UNAVAILABLE           database down or contention retries exhausted; retry
 * A failed call changes nothing.
 * 
 * Seat accounting: seats_available = seat_limit - seats_used - pending_invites. A pending invite
 * reserves a seat, so accepting it cannot fail for lack of seats unless the limit dropped. The owner
 * holds a seat only when the product says `owner_takes_seat`; admins are members and hold seats.
 * 
 * A team is writable (members may be added, invites sent and accepted) only while its status is ACTIVE
 * (GRACE and EXPIRED answer FAILED_PRECONDITION TEAM_NOT_ACTIVE); removals, leaving, revoking invites and
 * admin changes work in any status. No free seat is RESOURCE_EXHAUSTED SEAT_LIMIT_REACHED ("n of n
 * seats used"). See docs/adr/0004-seats-and-team-model.md.
 * 
 * Identified users only: a user id that would own, join or manage a team (AddMember, InviteByEmail,
 * ResendInvite, AcceptInvite, TransferOwnership) must not be an anonymous RevenueCat id
 * (`$RCAnonymousID:...`): INVALID_ARGUMENT ANONYMOUS_USER_ID naming the field. A purchase under an anonymous
 * id creates no team until it moves to an identified id (ADR 0030).
 * 
 * Identity: one team per subscription, keyed by (subscriber_user_id, management_entitlement,
 * subscription_group). Products of one subscription group (catalog; default: the management entitlement)
 * are tiers of one subscription, so a PRODUCT_CHANGE between them changes the product_id and seat_limit of
 * the same team instead of creating another; products sharing a management entitlement in different
 * groups can run at once, and each gives its own team (ADR 0030).
 */
export interface TeamServiceClient extends grpc.Client {
  /**
   * The actor (the app user id that signed in with the invited address; the app backend checks the
   * address) accepts with the token and takes the reserved seat.
   * Errors: NOT_FOUND INVITE_NOT_FOUND (unknown or superseded token); FAILED_PRECONDITION
   * INVITE_NOT_PENDING, INVITE_EXPIRED, TEAM_NOT_ACTIVE; RESOURCE_EXHAUSTED SEAT_LIMIT_REACHED (limit
   * dropped since);
   * ALREADY_EXISTS ALREADY_MEMBER (the invite stays pending).
   * Emits InviteAccepted and MemberAdded.
   */
  AcceptInvite(argument: _teamseat_team_v1_AcceptInviteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_AcceptInviteResponse__Output>): grpc.ClientUnaryCall;
  AcceptInvite(argument: _teamseat_team_v1_AcceptInviteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_AcceptInviteResponse__Output>): grpc.ClientUnaryCall;
  AcceptInvite(argument: _teamseat_team_v1_AcceptInviteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_AcceptInviteResponse__Output>): grpc.ClientUnaryCall;
  AcceptInvite(argument: _teamseat_team_v1_AcceptInviteRequest, callback: grpc.requestCallback<_teamseat_team_v1_AcceptInviteResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The actor (the app user id that signed in with the invited address; the app backend checks the
   * address) accepts with the token and takes the reserved seat.
   * Errors: NOT_FOUND INVITE_NOT_FOUND (unknown or superseded token); FAILED_PRECONDITION
   * INVITE_NOT_PENDING, INVITE_EXPIRED, TEAM_NOT_ACTIVE; RESOURCE_EXHAUSTED SEAT_LIMIT_REACHED (limit
   * dropped since);
   * ALREADY_EXISTS ALREADY_MEMBER (the invite stays pending).
   * Emits InviteAccepted and MemberAdded.
   */
  acceptInvite(argument: _teamseat_team_v1_AcceptInviteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_AcceptInviteResponse__Output>): grpc.ClientUnaryCall;
  acceptInvite(argument: _teamseat_team_v1_AcceptInviteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_AcceptInviteResponse__Output>): grpc.ClientUnaryCall;
  acceptInvite(argument: _teamseat_team_v1_AcceptInviteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_AcceptInviteResponse__Output>): grpc.ClientUnaryCall;
  acceptInvite(argument: _teamseat_team_v1_AcceptInviteRequest, callback: grpc.requestCallback<_teamseat_team_v1_AcceptInviteResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Gives a seat to user_id directly (no invite). Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; FAILED_PRECONDITION TEAM_NOT_ACTIVE; RESOURCE_EXHAUSTED
   * SEAT_LIMIT_REACHED (also while the team is over-assigned); ALREADY_EXISTS ALREADY_MEMBER (a retry
   * after a lost response also lands here: the member is in).
   * Emits MemberAdded.
   */
  AddMember(argument: _teamseat_team_v1_AddMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  AddMember(argument: _teamseat_team_v1_AddMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  AddMember(argument: _teamseat_team_v1_AddMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  AddMember(argument: _teamseat_team_v1_AddMemberRequest, callback: grpc.requestCallback<_teamseat_team_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Gives a seat to user_id directly (no invite). Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; FAILED_PRECONDITION TEAM_NOT_ACTIVE; RESOURCE_EXHAUSTED
   * SEAT_LIMIT_REACHED (also while the team is over-assigned); ALREADY_EXISTS ALREADY_MEMBER (a retry
   * after a lost response also lands here: the member is in).
   * Emits MemberAdded.
   */
  addMember(argument: _teamseat_team_v1_AddMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  addMember(argument: _teamseat_team_v1_AddMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  addMember(argument: _teamseat_team_v1_AddMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  addMember(argument: _teamseat_team_v1_AddMemberRequest, callback: grpc.requestCallback<_teamseat_team_v1_AddMemberResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Internal. Makes the team of (subscriber_user_id, management_entitlement) match the subscription
   * as entitlement-service derived it from RevenueCat (product_id may change: a tier change). When
   * the subscriber holds several products of one management entitlement, entitlement-service sends
   * the one giving the most seats. Level-triggered and idempotent: applying the same
   * or an older state (source_event_at not after the last applied one) changes nothing and returns
   * changed = false. Creates the team on the first ACTIVE or GRACE state (owner = subscriber); an
   * EXPIRED state, or any state of an anonymous subscriber, without a team returns no team. When the
   * seat limit drops below the seats used, pending invites are revoked first (newest first), then members
   * follow shrink_policy: BLOCK keeps everyone and blocks additions; REMOVE_LAST_JOINED removes the most
   * recently added non-owner members; ADMIN_CHOICE sets over_assigned_until = now +
   * admin_choice_grace_hours, after which team-service removes the last joined. An expiry keeps the
   * roster suspended for roster_retention_days; an ACTIVE or GRACE state within it restores the members
   * (and their grants), after it they are cleared (ADR 0030).
   * Errors: PERMISSION_DENIED INTERNAL_ONLY; INVALID_ARGUMENT (seat_limit < 0, status UNSPECIFIED, ...).
   * Emits TeamProvisioned, SeatLimitChanged (seat limit, product or member entitlements changed),
   * TeamStatusChanged (status or period end changed, renewals included), TeamExpired, TeamReactivated,
   * RosterCleared, MemberRemoved (seat-limit-reduced) as they apply.
   */
  ApplySubscriptionState(argument: _teamseat_team_v1_ApplySubscriptionStateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ApplySubscriptionStateResponse__Output>): grpc.ClientUnaryCall;
  ApplySubscriptionState(argument: _teamseat_team_v1_ApplySubscriptionStateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_ApplySubscriptionStateResponse__Output>): grpc.ClientUnaryCall;
  ApplySubscriptionState(argument: _teamseat_team_v1_ApplySubscriptionStateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ApplySubscriptionStateResponse__Output>): grpc.ClientUnaryCall;
  ApplySubscriptionState(argument: _teamseat_team_v1_ApplySubscriptionStateRequest, callback: grpc.requestCallback<_teamseat_team_v1_ApplySubscriptionStateResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Internal. Makes the team of (subscriber_user_id, management_entitlement) match the subscription
   * as entitlement-service derived it from RevenueCat (product_id may change: a tier change). When
   * the subscriber holds several products of one management entitlement, entitlement-service sends
   * the one giving the most seats. Level-triggered and idempotent: applying the same
   * or an older state (source_event_at not after the last applied one) changes nothing and returns
   * changed = false. Creates the team on the first ACTIVE or GRACE state (owner = subscriber); an
   * EXPIRED state, or any state of an anonymous subscriber, without a team returns no team. When the
   * seat limit drops below the seats used, pending invites are revoked first (newest first), then members
   * follow shrink_policy: BLOCK keeps everyone and blocks additions; REMOVE_LAST_JOINED removes the most
   * recently added non-owner members; ADMIN_CHOICE sets over_assigned_until = now +
   * admin_choice_grace_hours, after which team-service removes the last joined. An expiry keeps the
   * roster suspended for roster_retention_days; an ACTIVE or GRACE state within it restores the members
   * (and their grants), after it they are cleared (ADR 0030).
   * Errors: PERMISSION_DENIED INTERNAL_ONLY; INVALID_ARGUMENT (seat_limit < 0, status UNSPECIFIED, ...).
   * Emits TeamProvisioned, SeatLimitChanged (seat limit, product or member entitlements changed),
   * TeamStatusChanged (status or period end changed, renewals included), TeamExpired, TeamReactivated,
   * RosterCleared, MemberRemoved (seat-limit-reduced) as they apply.
   */
  applySubscriptionState(argument: _teamseat_team_v1_ApplySubscriptionStateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ApplySubscriptionStateResponse__Output>): grpc.ClientUnaryCall;
  applySubscriptionState(argument: _teamseat_team_v1_ApplySubscriptionStateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_ApplySubscriptionStateResponse__Output>): grpc.ClientUnaryCall;
  applySubscriptionState(argument: _teamseat_team_v1_ApplySubscriptionStateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ApplySubscriptionStateResponse__Output>): grpc.ClientUnaryCall;
  applySubscriptionState(argument: _teamseat_team_v1_ApplySubscriptionStateRequest, callback: grpc.requestCallback<_teamseat_team_v1_ApplySubscriptionStateResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Internal. What a seat in the team gives user_id now, and the team version that answer is as of: the
   * grant-terms fact team-service would publish for (team, user) at that version (ADR 0016).
   * entitlement-service asks before it acts on a fact that would grant or extend access, so a forged or
   * replayed fact never grants more than the team's current roster and version support (ADR 0021). A
   * point read of the team's summary and the user's list of teams (two small documents, never the roster),
   * cheap enough for one call per member of a renewal. A user not on the team gets GRANT_KIND_NONE.
   * Errors: PERMISSION_DENIED INTERNAL_ONLY; NOT_FOUND TEAM_NOT_FOUND.
   */
  GetMemberGrant(argument: _teamseat_team_v1_GetMemberGrantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GetMemberGrantResponse__Output>): grpc.ClientUnaryCall;
  GetMemberGrant(argument: _teamseat_team_v1_GetMemberGrantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_GetMemberGrantResponse__Output>): grpc.ClientUnaryCall;
  GetMemberGrant(argument: _teamseat_team_v1_GetMemberGrantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GetMemberGrantResponse__Output>): grpc.ClientUnaryCall;
  GetMemberGrant(argument: _teamseat_team_v1_GetMemberGrantRequest, callback: grpc.requestCallback<_teamseat_team_v1_GetMemberGrantResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Internal. What a seat in the team gives user_id now, and the team version that answer is as of: the
   * grant-terms fact team-service would publish for (team, user) at that version (ADR 0016).
   * entitlement-service asks before it acts on a fact that would grant or extend access, so a forged or
   * replayed fact never grants more than the team's current roster and version support (ADR 0021). A
   * point read of the team's summary and the user's list of teams (two small documents, never the roster),
   * cheap enough for one call per member of a renewal. A user not on the team gets GRANT_KIND_NONE.
   * Errors: PERMISSION_DENIED INTERNAL_ONLY; NOT_FOUND TEAM_NOT_FOUND.
   */
  getMemberGrant(argument: _teamseat_team_v1_GetMemberGrantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GetMemberGrantResponse__Output>): grpc.ClientUnaryCall;
  getMemberGrant(argument: _teamseat_team_v1_GetMemberGrantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_GetMemberGrantResponse__Output>): grpc.ClientUnaryCall;
  getMemberGrant(argument: _teamseat_team_v1_GetMemberGrantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GetMemberGrantResponse__Output>): grpc.ClientUnaryCall;
  getMemberGrant(argument: _teamseat_team_v1_GetMemberGrantRequest, callback: grpc.requestCallback<_teamseat_team_v1_GetMemberGrantResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * "x of n": seats used of seat_limit, with members and pending invites.
   * Actor (optional): must be on the team (PERMISSION_DENIED NOT_ON_TEAM).
   */
  GetSeatUsage(argument: _teamseat_team_v1_GetSeatUsageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GetSeatUsageResponse__Output>): grpc.ClientUnaryCall;
  GetSeatUsage(argument: _teamseat_team_v1_GetSeatUsageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_GetSeatUsageResponse__Output>): grpc.ClientUnaryCall;
  GetSeatUsage(argument: _teamseat_team_v1_GetSeatUsageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GetSeatUsageResponse__Output>): grpc.ClientUnaryCall;
  GetSeatUsage(argument: _teamseat_team_v1_GetSeatUsageRequest, callback: grpc.requestCallback<_teamseat_team_v1_GetSeatUsageResponse__Output>): grpc.ClientUnaryCall;
  /**
   * "x of n": seats used of seat_limit, with members and pending invites.
   * Actor (optional): must be on the team (PERMISSION_DENIED NOT_ON_TEAM).
   */
  getSeatUsage(argument: _teamseat_team_v1_GetSeatUsageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GetSeatUsageResponse__Output>): grpc.ClientUnaryCall;
  getSeatUsage(argument: _teamseat_team_v1_GetSeatUsageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_GetSeatUsageResponse__Output>): grpc.ClientUnaryCall;
  getSeatUsage(argument: _teamseat_team_v1_GetSeatUsageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GetSeatUsageResponse__Output>): grpc.ClientUnaryCall;
  getSeatUsage(argument: _teamseat_team_v1_GetSeatUsageRequest, callback: grpc.requestCallback<_teamseat_team_v1_GetSeatUsageResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Reads one team, by id or by (subscriber, management entitlement).
   * With actor_user_id set, the actor must be on the team (PERMISSION_DENIED NOT_ON_TEAM); with it
   * empty, the caller is trusted (internal callers, app backends acting for themselves).
   * Errors: NOT_FOUND TEAM_NOT_FOUND.
   */
  GetTeam(argument: _teamseat_team_v1_GetTeamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GetTeamResponse__Output>): grpc.ClientUnaryCall;
  GetTeam(argument: _teamseat_team_v1_GetTeamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_GetTeamResponse__Output>): grpc.ClientUnaryCall;
  GetTeam(argument: _teamseat_team_v1_GetTeamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GetTeamResponse__Output>): grpc.ClientUnaryCall;
  GetTeam(argument: _teamseat_team_v1_GetTeamRequest, callback: grpc.requestCallback<_teamseat_team_v1_GetTeamResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reads one team, by id or by (subscriber, management entitlement).
   * With actor_user_id set, the actor must be on the team (PERMISSION_DENIED NOT_ON_TEAM); with it
   * empty, the caller is trusted (internal callers, app backends acting for themselves).
   * Errors: NOT_FOUND TEAM_NOT_FOUND.
   */
  getTeam(argument: _teamseat_team_v1_GetTeamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GetTeamResponse__Output>): grpc.ClientUnaryCall;
  getTeam(argument: _teamseat_team_v1_GetTeamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_GetTeamResponse__Output>): grpc.ClientUnaryCall;
  getTeam(argument: _teamseat_team_v1_GetTeamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GetTeamResponse__Output>): grpc.ClientUnaryCall;
  getTeam(argument: _teamseat_team_v1_GetTeamRequest, callback: grpc.requestCallback<_teamseat_team_v1_GetTeamResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Makes a member an admin. Actor: owner.
   * Errors: PERMISSION_DENIED NOT_TEAM_OWNER; NOT_FOUND NOT_A_MEMBER; ALREADY_EXISTS ALREADY_ADMIN;
   * FAILED_PRECONDITION OWNER_IS_NOT_ADMIN (the owner cannot also be an admin). Emits AdminGranted.
   */
  GrantAdmin(argument: _teamseat_team_v1_GrantAdminRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GrantAdminResponse__Output>): grpc.ClientUnaryCall;
  GrantAdmin(argument: _teamseat_team_v1_GrantAdminRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_GrantAdminResponse__Output>): grpc.ClientUnaryCall;
  GrantAdmin(argument: _teamseat_team_v1_GrantAdminRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GrantAdminResponse__Output>): grpc.ClientUnaryCall;
  GrantAdmin(argument: _teamseat_team_v1_GrantAdminRequest, callback: grpc.requestCallback<_teamseat_team_v1_GrantAdminResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Makes a member an admin. Actor: owner.
   * Errors: PERMISSION_DENIED NOT_TEAM_OWNER; NOT_FOUND NOT_A_MEMBER; ALREADY_EXISTS ALREADY_ADMIN;
   * FAILED_PRECONDITION OWNER_IS_NOT_ADMIN (the owner cannot also be an admin). Emits AdminGranted.
   */
  grantAdmin(argument: _teamseat_team_v1_GrantAdminRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GrantAdminResponse__Output>): grpc.ClientUnaryCall;
  grantAdmin(argument: _teamseat_team_v1_GrantAdminRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_GrantAdminResponse__Output>): grpc.ClientUnaryCall;
  grantAdmin(argument: _teamseat_team_v1_GrantAdminRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_GrantAdminResponse__Output>): grpc.ClientUnaryCall;
  grantAdmin(argument: _teamseat_team_v1_GrantAdminRequest, callback: grpc.requestCallback<_teamseat_team_v1_GrantAdminResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Invites an email address; reserves a seat until accepted, revoked or expired. The returned invite
   * carries the secret token once; only its hash is stored. Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; FAILED_PRECONDITION TEAM_NOT_ACTIVE; RESOURCE_EXHAUSTED
   * SEAT_LIMIT_REACHED;
   * ALREADY_EXISTS INVITE_ALREADY_PENDING (use ResendInvite); INVALID_ARGUMENT INVALID_EMAIL.
   * Emits InviteCreated.
   */
  InviteByEmail(argument: _teamseat_team_v1_InviteByEmailRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_InviteByEmailResponse__Output>): grpc.ClientUnaryCall;
  InviteByEmail(argument: _teamseat_team_v1_InviteByEmailRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_InviteByEmailResponse__Output>): grpc.ClientUnaryCall;
  InviteByEmail(argument: _teamseat_team_v1_InviteByEmailRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_InviteByEmailResponse__Output>): grpc.ClientUnaryCall;
  InviteByEmail(argument: _teamseat_team_v1_InviteByEmailRequest, callback: grpc.requestCallback<_teamseat_team_v1_InviteByEmailResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Invites an email address; reserves a seat until accepted, revoked or expired. The returned invite
   * carries the secret token once; only its hash is stored. Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; FAILED_PRECONDITION TEAM_NOT_ACTIVE; RESOURCE_EXHAUSTED
   * SEAT_LIMIT_REACHED;
   * ALREADY_EXISTS INVITE_ALREADY_PENDING (use ResendInvite); INVALID_ARGUMENT INVALID_EMAIL.
   * Emits InviteCreated.
   */
  inviteByEmail(argument: _teamseat_team_v1_InviteByEmailRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_InviteByEmailResponse__Output>): grpc.ClientUnaryCall;
  inviteByEmail(argument: _teamseat_team_v1_InviteByEmailRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_InviteByEmailResponse__Output>): grpc.ClientUnaryCall;
  inviteByEmail(argument: _teamseat_team_v1_InviteByEmailRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_InviteByEmailResponse__Output>): grpc.ClientUnaryCall;
  inviteByEmail(argument: _teamseat_team_v1_InviteByEmailRequest, callback: grpc.requestCallback<_teamseat_team_v1_InviteByEmailResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The actor leaves the team (an admin loses the admin role with it).
   * Errors: FAILED_PRECONDITION OWNER_CANNOT_LEAVE; NOT_FOUND NOT_A_MEMBER.
   * Emits MemberRemoved (reason left).
   */
  LeaveTeam(argument: _teamseat_team_v1_LeaveTeamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_LeaveTeamResponse__Output>): grpc.ClientUnaryCall;
  LeaveTeam(argument: _teamseat_team_v1_LeaveTeamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_LeaveTeamResponse__Output>): grpc.ClientUnaryCall;
  LeaveTeam(argument: _teamseat_team_v1_LeaveTeamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_LeaveTeamResponse__Output>): grpc.ClientUnaryCall;
  LeaveTeam(argument: _teamseat_team_v1_LeaveTeamRequest, callback: grpc.requestCallback<_teamseat_team_v1_LeaveTeamResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The actor leaves the team (an admin loses the admin role with it).
   * Errors: FAILED_PRECONDITION OWNER_CANNOT_LEAVE; NOT_FOUND NOT_A_MEMBER.
   * Emits MemberRemoved (reason left).
   */
  leaveTeam(argument: _teamseat_team_v1_LeaveTeamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_LeaveTeamResponse__Output>): grpc.ClientUnaryCall;
  leaveTeam(argument: _teamseat_team_v1_LeaveTeamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_LeaveTeamResponse__Output>): grpc.ClientUnaryCall;
  leaveTeam(argument: _teamseat_team_v1_LeaveTeamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_LeaveTeamResponse__Output>): grpc.ClientUnaryCall;
  leaveTeam(argument: _teamseat_team_v1_LeaveTeamRequest, callback: grpc.requestCallback<_teamseat_team_v1_LeaveTeamResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pages through invites, newest first (created_at desc, then invite_id). Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; INVALID_ARGUMENT INVALID_PAGE_TOKEN.
   */
  ListInvites(argument: _teamseat_team_v1_ListInvitesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ListInvitesResponse__Output>): grpc.ClientUnaryCall;
  ListInvites(argument: _teamseat_team_v1_ListInvitesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_ListInvitesResponse__Output>): grpc.ClientUnaryCall;
  ListInvites(argument: _teamseat_team_v1_ListInvitesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ListInvitesResponse__Output>): grpc.ClientUnaryCall;
  ListInvites(argument: _teamseat_team_v1_ListInvitesRequest, callback: grpc.requestCallback<_teamseat_team_v1_ListInvitesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pages through invites, newest first (created_at desc, then invite_id). Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; INVALID_ARGUMENT INVALID_PAGE_TOKEN.
   */
  listInvites(argument: _teamseat_team_v1_ListInvitesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ListInvitesResponse__Output>): grpc.ClientUnaryCall;
  listInvites(argument: _teamseat_team_v1_ListInvitesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_ListInvitesResponse__Output>): grpc.ClientUnaryCall;
  listInvites(argument: _teamseat_team_v1_ListInvitesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ListInvitesResponse__Output>): grpc.ClientUnaryCall;
  listInvites(argument: _teamseat_team_v1_ListInvitesRequest, callback: grpc.requestCallback<_teamseat_team_v1_ListInvitesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pages through the roster in a stable order: added_at ascending, then user_id. The owner is listed
   * with role OWNER. page_size defaults to 50, maximum 500 (larger values are clamped). A page token is
   * bound to the team and the filter; reusing it with another filter fails.
   * Actor (optional): must be on the team (PERMISSION_DENIED NOT_ON_TEAM).
   * Errors: INVALID_ARGUMENT INVALID_PAGE_TOKEN.
   */
  ListMembers(argument: _teamseat_team_v1_ListMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  ListMembers(argument: _teamseat_team_v1_ListMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  ListMembers(argument: _teamseat_team_v1_ListMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  ListMembers(argument: _teamseat_team_v1_ListMembersRequest, callback: grpc.requestCallback<_teamseat_team_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pages through the roster in a stable order: added_at ascending, then user_id. The owner is listed
   * with role OWNER. page_size defaults to 50, maximum 500 (larger values are clamped). A page token is
   * bound to the team and the filter; reusing it with another filter fails.
   * Actor (optional): must be on the team (PERMISSION_DENIED NOT_ON_TEAM).
   * Errors: INVALID_ARGUMENT INVALID_PAGE_TOKEN.
   */
  listMembers(argument: _teamseat_team_v1_ListMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  listMembers(argument: _teamseat_team_v1_ListMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  listMembers(argument: _teamseat_team_v1_ListMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  listMembers(argument: _teamseat_team_v1_ListMembersRequest, callback: grpc.requestCallback<_teamseat_team_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists the teams a user owns, administers or is a member of, newest first (created_at desc,
   * then team_id). actor_user_id, when set, must equal user_id (PERMISSION_DENIED NOT_SELF).
   * Errors: INVALID_ARGUMENT INVALID_PAGE_TOKEN.
   */
  ListTeamsOfUser(argument: _teamseat_team_v1_ListTeamsOfUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ListTeamsOfUserResponse__Output>): grpc.ClientUnaryCall;
  ListTeamsOfUser(argument: _teamseat_team_v1_ListTeamsOfUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_ListTeamsOfUserResponse__Output>): grpc.ClientUnaryCall;
  ListTeamsOfUser(argument: _teamseat_team_v1_ListTeamsOfUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ListTeamsOfUserResponse__Output>): grpc.ClientUnaryCall;
  ListTeamsOfUser(argument: _teamseat_team_v1_ListTeamsOfUserRequest, callback: grpc.requestCallback<_teamseat_team_v1_ListTeamsOfUserResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists the teams a user owns, administers or is a member of, newest first (created_at desc,
   * then team_id). actor_user_id, when set, must equal user_id (PERMISSION_DENIED NOT_SELF).
   * Errors: INVALID_ARGUMENT INVALID_PAGE_TOKEN.
   */
  listTeamsOfUser(argument: _teamseat_team_v1_ListTeamsOfUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ListTeamsOfUserResponse__Output>): grpc.ClientUnaryCall;
  listTeamsOfUser(argument: _teamseat_team_v1_ListTeamsOfUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_ListTeamsOfUserResponse__Output>): grpc.ClientUnaryCall;
  listTeamsOfUser(argument: _teamseat_team_v1_ListTeamsOfUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ListTeamsOfUserResponse__Output>): grpc.ClientUnaryCall;
  listTeamsOfUser(argument: _teamseat_team_v1_ListTeamsOfUserRequest, callback: grpc.requestCallback<_teamseat_team_v1_ListTeamsOfUserResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Takes a seat back. Actor: owner or admin; only the owner may remove an admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER, ONLY_OWNER_MAY_REMOVE_ADMIN;
   * FAILED_PRECONDITION OWNER_CANNOT_BE_REMOVED (transfer ownership first); NOT_FOUND NOT_A_MEMBER.
   * Emits MemberRemoved (reason removed-by-admin).
   */
  RemoveMember(argument: _teamseat_team_v1_RemoveMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  RemoveMember(argument: _teamseat_team_v1_RemoveMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  RemoveMember(argument: _teamseat_team_v1_RemoveMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  RemoveMember(argument: _teamseat_team_v1_RemoveMemberRequest, callback: grpc.requestCallback<_teamseat_team_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Takes a seat back. Actor: owner or admin; only the owner may remove an admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER, ONLY_OWNER_MAY_REMOVE_ADMIN;
   * FAILED_PRECONDITION OWNER_CANNOT_BE_REMOVED (transfer ownership first); NOT_FOUND NOT_A_MEMBER.
   * Emits MemberRemoved (reason removed-by-admin).
   */
  removeMember(argument: _teamseat_team_v1_RemoveMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  removeMember(argument: _teamseat_team_v1_RemoveMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  removeMember(argument: _teamseat_team_v1_RemoveMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  removeMember(argument: _teamseat_team_v1_RemoveMemberRequest, callback: grpc.requestCallback<_teamseat_team_v1_RemoveMemberResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Issues a new token (the old one stops working) and a new expiry for a pending or expired invite.
   * An expired invite must find a free seat again. Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; NOT_FOUND INVITE_NOT_FOUND; FAILED_PRECONDITION
   * INVITE_NOT_PENDING (accepted or revoked), TEAM_NOT_ACTIVE; RESOURCE_EXHAUSTED SEAT_LIMIT_REACHED.
   * Emits InviteCreated.
   */
  ResendInvite(argument: _teamseat_team_v1_ResendInviteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ResendInviteResponse__Output>): grpc.ClientUnaryCall;
  ResendInvite(argument: _teamseat_team_v1_ResendInviteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_ResendInviteResponse__Output>): grpc.ClientUnaryCall;
  ResendInvite(argument: _teamseat_team_v1_ResendInviteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ResendInviteResponse__Output>): grpc.ClientUnaryCall;
  ResendInvite(argument: _teamseat_team_v1_ResendInviteRequest, callback: grpc.requestCallback<_teamseat_team_v1_ResendInviteResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Issues a new token (the old one stops working) and a new expiry for a pending or expired invite.
   * An expired invite must find a free seat again. Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; NOT_FOUND INVITE_NOT_FOUND; FAILED_PRECONDITION
   * INVITE_NOT_PENDING (accepted or revoked), TEAM_NOT_ACTIVE; RESOURCE_EXHAUSTED SEAT_LIMIT_REACHED.
   * Emits InviteCreated.
   */
  resendInvite(argument: _teamseat_team_v1_ResendInviteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ResendInviteResponse__Output>): grpc.ClientUnaryCall;
  resendInvite(argument: _teamseat_team_v1_ResendInviteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_ResendInviteResponse__Output>): grpc.ClientUnaryCall;
  resendInvite(argument: _teamseat_team_v1_ResendInviteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_ResendInviteResponse__Output>): grpc.ClientUnaryCall;
  resendInvite(argument: _teamseat_team_v1_ResendInviteRequest, callback: grpc.requestCallback<_teamseat_team_v1_ResendInviteResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Makes an admin a plain member again (the seat stays). Actor: owner.
   * Errors: PERMISSION_DENIED NOT_TEAM_OWNER; NOT_FOUND NOT_A_MEMBER; FAILED_PRECONDITION NOT_AN_ADMIN.
   * Emits AdminRevoked.
   */
  RevokeAdmin(argument: _teamseat_team_v1_RevokeAdminRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_RevokeAdminResponse__Output>): grpc.ClientUnaryCall;
  RevokeAdmin(argument: _teamseat_team_v1_RevokeAdminRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_RevokeAdminResponse__Output>): grpc.ClientUnaryCall;
  RevokeAdmin(argument: _teamseat_team_v1_RevokeAdminRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_RevokeAdminResponse__Output>): grpc.ClientUnaryCall;
  RevokeAdmin(argument: _teamseat_team_v1_RevokeAdminRequest, callback: grpc.requestCallback<_teamseat_team_v1_RevokeAdminResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Makes an admin a plain member again (the seat stays). Actor: owner.
   * Errors: PERMISSION_DENIED NOT_TEAM_OWNER; NOT_FOUND NOT_A_MEMBER; FAILED_PRECONDITION NOT_AN_ADMIN.
   * Emits AdminRevoked.
   */
  revokeAdmin(argument: _teamseat_team_v1_RevokeAdminRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_RevokeAdminResponse__Output>): grpc.ClientUnaryCall;
  revokeAdmin(argument: _teamseat_team_v1_RevokeAdminRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_RevokeAdminResponse__Output>): grpc.ClientUnaryCall;
  revokeAdmin(argument: _teamseat_team_v1_RevokeAdminRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_RevokeAdminResponse__Output>): grpc.ClientUnaryCall;
  revokeAdmin(argument: _teamseat_team_v1_RevokeAdminRequest, callback: grpc.requestCallback<_teamseat_team_v1_RevokeAdminResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Withdraws a pending invite and frees its seat. Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; NOT_FOUND INVITE_NOT_FOUND;
   * FAILED_PRECONDITION INVITE_NOT_PENDING. Emits InviteRevoked.
   */
  RevokeInvite(argument: _teamseat_team_v1_RevokeInviteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_RevokeInviteResponse__Output>): grpc.ClientUnaryCall;
  RevokeInvite(argument: _teamseat_team_v1_RevokeInviteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_RevokeInviteResponse__Output>): grpc.ClientUnaryCall;
  RevokeInvite(argument: _teamseat_team_v1_RevokeInviteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_RevokeInviteResponse__Output>): grpc.ClientUnaryCall;
  RevokeInvite(argument: _teamseat_team_v1_RevokeInviteRequest, callback: grpc.requestCallback<_teamseat_team_v1_RevokeInviteResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Withdraws a pending invite and frees its seat. Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; NOT_FOUND INVITE_NOT_FOUND;
   * FAILED_PRECONDITION INVITE_NOT_PENDING. Emits InviteRevoked.
   */
  revokeInvite(argument: _teamseat_team_v1_RevokeInviteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_RevokeInviteResponse__Output>): grpc.ClientUnaryCall;
  revokeInvite(argument: _teamseat_team_v1_RevokeInviteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_RevokeInviteResponse__Output>): grpc.ClientUnaryCall;
  revokeInvite(argument: _teamseat_team_v1_RevokeInviteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_RevokeInviteResponse__Output>): grpc.ClientUnaryCall;
  revokeInvite(argument: _teamseat_team_v1_RevokeInviteRequest, callback: grpc.requestCallback<_teamseat_team_v1_RevokeInviteResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Hands the team to another user.
   * OWNER_INITIATED: actor is the owner; the subscription stays with subscriber_user_id, only the
   * management role moves. The new owner must already be a member.
   * STORE_TRANSFER (internal): after a RevenueCat TRANSFER moved the purchase; actor is empty; both
   * subscriber_user_id and owner_user_id move to new_owner_user_id (owner_user_id only if it was the
   * subscriber). The new owner need not be a member.
   * The previous owner stays as previous_owner_role (ADMIN or MEMBER, taking a seat if one is free) or
   * leaves the team (ROLE_UNSPECIFIED, MemberRemoved reason ownership-transferred).
   * Errors: PERMISSION_DENIED NOT_TEAM_OWNER, INTERNAL_ONLY; NOT_FOUND NOT_A_MEMBER;
   * FAILED_PRECONDITION ALREADY_OWNER; RESOURCE_EXHAUSTED SEAT_LIMIT_REACHED (the new owner or the kept
   * previous owner needs a seat and none is free); ALREADY_EXISTS TEAM_ALREADY_OWNED (the new owner's
   * subscriber id already has a team for this management entitlement).
   * Emits OwnershipTransferred (and member events).
   */
  TransferOwnership(argument: _teamseat_team_v1_TransferOwnershipRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_TransferOwnershipResponse__Output>): grpc.ClientUnaryCall;
  TransferOwnership(argument: _teamseat_team_v1_TransferOwnershipRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_TransferOwnershipResponse__Output>): grpc.ClientUnaryCall;
  TransferOwnership(argument: _teamseat_team_v1_TransferOwnershipRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_TransferOwnershipResponse__Output>): grpc.ClientUnaryCall;
  TransferOwnership(argument: _teamseat_team_v1_TransferOwnershipRequest, callback: grpc.requestCallback<_teamseat_team_v1_TransferOwnershipResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Hands the team to another user.
   * OWNER_INITIATED: actor is the owner; the subscription stays with subscriber_user_id, only the
   * management role moves. The new owner must already be a member.
   * STORE_TRANSFER (internal): after a RevenueCat TRANSFER moved the purchase; actor is empty; both
   * subscriber_user_id and owner_user_id move to new_owner_user_id (owner_user_id only if it was the
   * subscriber). The new owner need not be a member.
   * The previous owner stays as previous_owner_role (ADMIN or MEMBER, taking a seat if one is free) or
   * leaves the team (ROLE_UNSPECIFIED, MemberRemoved reason ownership-transferred).
   * Errors: PERMISSION_DENIED NOT_TEAM_OWNER, INTERNAL_ONLY; NOT_FOUND NOT_A_MEMBER;
   * FAILED_PRECONDITION ALREADY_OWNER; RESOURCE_EXHAUSTED SEAT_LIMIT_REACHED (the new owner or the kept
   * previous owner needs a seat and none is free); ALREADY_EXISTS TEAM_ALREADY_OWNED (the new owner's
   * subscriber id already has a team for this management entitlement).
   * Emits OwnershipTransferred (and member events).
   */
  transferOwnership(argument: _teamseat_team_v1_TransferOwnershipRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_TransferOwnershipResponse__Output>): grpc.ClientUnaryCall;
  transferOwnership(argument: _teamseat_team_v1_TransferOwnershipRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_team_v1_TransferOwnershipResponse__Output>): grpc.ClientUnaryCall;
  transferOwnership(argument: _teamseat_team_v1_TransferOwnershipRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_team_v1_TransferOwnershipResponse__Output>): grpc.ClientUnaryCall;
  transferOwnership(argument: _teamseat_team_v1_TransferOwnershipRequest, callback: grpc.requestCallback<_teamseat_team_v1_TransferOwnershipResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * TeamService owns teams, their rosters and their invites.
 * 
 * Callers. The app backend acts for an end user: it authenticates with a bearer token in the
 * `authorization` metadata and names that user in `actor_user_id`, which every mutating request
 * carries. entitlement-service is an internal caller; RPCs marked "internal" accept only tokens
 * configured as internal and have no end-user actor.
 * 
 * Errors. Every failure is a gRPC status with a human message naming the field or the rule, and a
 * machine-readable reason from `ErrorReason` (team_errors.proto), sent as the trailing metadata
 * `error-reason` and as `google.rpc.ErrorInfo.reason` (domain `teamseat.dev`) in
 * `grpc-status-details-bin` (see packages/grpc/src/status-details.ts).
 * Reasons common to every RPC are not repeated on each:
 * UNAUTHENTICATED     UNAUTHENTICATED       token missing or unknown
 * PERMISSION_DENIED   INTERNAL_ONLY         an app token called an internal RPC
 * INVALID_ARGUMENT    INVALID_ARGUMENT      a field is missing or malformed (message names it)
 * NOT_FOUND           TEAM_NOT_FOUND        no team with that id
 * UNAVAILABLE         UNAVAILABLE           database down or contention retries exhausted; retry
 * A failed call changes nothing.
 * 
 * Seat accounting: seats_available = seat_limit - seats_used - pending_invites. A pending invite
 * reserves a seat, so accepting it cannot fail for lack of seats unless the limit dropped. The owner
 * holds a seat only when the product says `owner_takes_seat`; admins are members and hold seats.
 * 
 * A team is writable (members may be added, invites sent and accepted) only while its status is ACTIVE
 * (GRACE and EXPIRED answer FAILED_PRECONDITION TEAM_NOT_ACTIVE); removals, leaving, revoking invites and
 * admin changes work in any status. No free seat is RESOURCE_EXHAUSTED SEAT_LIMIT_REACHED ("n of n
 * seats used"). See docs/adr/0004-seats-and-team-model.md.
 * 
 * Identified users only: a user id that would own, join or manage a team (AddMember, InviteByEmail,
 * ResendInvite, AcceptInvite, TransferOwnership) must not be an anonymous RevenueCat id
 * (`$RCAnonymousID:...`): INVALID_ARGUMENT ANONYMOUS_USER_ID naming the field. A purchase under an anonymous
 * id creates no team until it moves to an identified id (ADR 0030).
 * 
 * Identity: one team per subscription, keyed by (subscriber_user_id, management_entitlement,
 * subscription_group). Products of one subscription group (catalog; default: the management entitlement)
 * are tiers of one subscription, so a PRODUCT_CHANGE between them changes the product_id and seat_limit of
 * the same team instead of creating another; products sharing a management entitlement in different
 * groups can run at once, and each gives its own team (ADR 0030).
 */
export interface TeamServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The actor (the app user id that signed in with the invited address; the app backend checks the
   * address) accepts with the token and takes the reserved seat.
   * Errors: NOT_FOUND INVITE_NOT_FOUND (unknown or superseded token); FAILED_PRECONDITION
   * INVITE_NOT_PENDING, INVITE_EXPIRED, TEAM_NOT_ACTIVE; RESOURCE_EXHAUSTED SEAT_LIMIT_REACHED (limit
   * dropped since);
   * ALREADY_EXISTS ALREADY_MEMBER (the invite stays pending).
   * Emits InviteAccepted and MemberAdded.
   */
  AcceptInvite: grpc.handleUnaryCall<_teamseat_team_v1_AcceptInviteRequest__Output, _teamseat_team_v1_AcceptInviteResponse>;
  
  /**
   * Gives a seat to user_id directly (no invite). Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; FAILED_PRECONDITION TEAM_NOT_ACTIVE; RESOURCE_EXHAUSTED
   * SEAT_LIMIT_REACHED (also while the team is over-assigned); ALREADY_EXISTS ALREADY_MEMBER (a retry
   * after a lost response also lands here: the member is in).
   * Emits MemberAdded.
   */
  AddMember: grpc.handleUnaryCall<_teamseat_team_v1_AddMemberRequest__Output, _teamseat_team_v1_AddMemberResponse>;
  
  /**
   * Internal. Makes the team of (subscriber_user_id, management_entitlement) match the subscription
   * as entitlement-service derived it from RevenueCat (product_id may change: a tier change). When
   * the subscriber holds several products of one management entitlement, entitlement-service sends
   * the one giving the most seats. Level-triggered and idempotent: applying the same
   * or an older state (source_event_at not after the last applied one) changes nothing and returns
   * changed = false. Creates the team on the first ACTIVE or GRACE state (owner = subscriber); an
   * EXPIRED state, or any state of an anonymous subscriber, without a team returns no team. When the
   * seat limit drops below the seats used, pending invites are revoked first (newest first), then members
   * follow shrink_policy: BLOCK keeps everyone and blocks additions; REMOVE_LAST_JOINED removes the most
   * recently added non-owner members; ADMIN_CHOICE sets over_assigned_until = now +
   * admin_choice_grace_hours, after which team-service removes the last joined. An expiry keeps the
   * roster suspended for roster_retention_days; an ACTIVE or GRACE state within it restores the members
   * (and their grants), after it they are cleared (ADR 0030).
   * Errors: PERMISSION_DENIED INTERNAL_ONLY; INVALID_ARGUMENT (seat_limit < 0, status UNSPECIFIED, ...).
   * Emits TeamProvisioned, SeatLimitChanged (seat limit, product or member entitlements changed),
   * TeamStatusChanged (status or period end changed, renewals included), TeamExpired, TeamReactivated,
   * RosterCleared, MemberRemoved (seat-limit-reduced) as they apply.
   */
  ApplySubscriptionState: grpc.handleUnaryCall<_teamseat_team_v1_ApplySubscriptionStateRequest__Output, _teamseat_team_v1_ApplySubscriptionStateResponse>;
  
  /**
   * Internal. What a seat in the team gives user_id now, and the team version that answer is as of: the
   * grant-terms fact team-service would publish for (team, user) at that version (ADR 0016).
   * entitlement-service asks before it acts on a fact that would grant or extend access, so a forged or
   * replayed fact never grants more than the team's current roster and version support (ADR 0021). A
   * point read of the team's summary and the user's list of teams (two small documents, never the roster),
   * cheap enough for one call per member of a renewal. A user not on the team gets GRANT_KIND_NONE.
   * Errors: PERMISSION_DENIED INTERNAL_ONLY; NOT_FOUND TEAM_NOT_FOUND.
   */
  GetMemberGrant: grpc.handleUnaryCall<_teamseat_team_v1_GetMemberGrantRequest__Output, _teamseat_team_v1_GetMemberGrantResponse>;
  
  /**
   * "x of n": seats used of seat_limit, with members and pending invites.
   * Actor (optional): must be on the team (PERMISSION_DENIED NOT_ON_TEAM).
   */
  GetSeatUsage: grpc.handleUnaryCall<_teamseat_team_v1_GetSeatUsageRequest__Output, _teamseat_team_v1_GetSeatUsageResponse>;
  
  /**
   * Reads one team, by id or by (subscriber, management entitlement).
   * With actor_user_id set, the actor must be on the team (PERMISSION_DENIED NOT_ON_TEAM); with it
   * empty, the caller is trusted (internal callers, app backends acting for themselves).
   * Errors: NOT_FOUND TEAM_NOT_FOUND.
   */
  GetTeam: grpc.handleUnaryCall<_teamseat_team_v1_GetTeamRequest__Output, _teamseat_team_v1_GetTeamResponse>;
  
  /**
   * Makes a member an admin. Actor: owner.
   * Errors: PERMISSION_DENIED NOT_TEAM_OWNER; NOT_FOUND NOT_A_MEMBER; ALREADY_EXISTS ALREADY_ADMIN;
   * FAILED_PRECONDITION OWNER_IS_NOT_ADMIN (the owner cannot also be an admin). Emits AdminGranted.
   */
  GrantAdmin: grpc.handleUnaryCall<_teamseat_team_v1_GrantAdminRequest__Output, _teamseat_team_v1_GrantAdminResponse>;
  
  /**
   * Invites an email address; reserves a seat until accepted, revoked or expired. The returned invite
   * carries the secret token once; only its hash is stored. Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; FAILED_PRECONDITION TEAM_NOT_ACTIVE; RESOURCE_EXHAUSTED
   * SEAT_LIMIT_REACHED;
   * ALREADY_EXISTS INVITE_ALREADY_PENDING (use ResendInvite); INVALID_ARGUMENT INVALID_EMAIL.
   * Emits InviteCreated.
   */
  InviteByEmail: grpc.handleUnaryCall<_teamseat_team_v1_InviteByEmailRequest__Output, _teamseat_team_v1_InviteByEmailResponse>;
  
  /**
   * The actor leaves the team (an admin loses the admin role with it).
   * Errors: FAILED_PRECONDITION OWNER_CANNOT_LEAVE; NOT_FOUND NOT_A_MEMBER.
   * Emits MemberRemoved (reason left).
   */
  LeaveTeam: grpc.handleUnaryCall<_teamseat_team_v1_LeaveTeamRequest__Output, _teamseat_team_v1_LeaveTeamResponse>;
  
  /**
   * Pages through invites, newest first (created_at desc, then invite_id). Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; INVALID_ARGUMENT INVALID_PAGE_TOKEN.
   */
  ListInvites: grpc.handleUnaryCall<_teamseat_team_v1_ListInvitesRequest__Output, _teamseat_team_v1_ListInvitesResponse>;
  
  /**
   * Pages through the roster in a stable order: added_at ascending, then user_id. The owner is listed
   * with role OWNER. page_size defaults to 50, maximum 500 (larger values are clamped). A page token is
   * bound to the team and the filter; reusing it with another filter fails.
   * Actor (optional): must be on the team (PERMISSION_DENIED NOT_ON_TEAM).
   * Errors: INVALID_ARGUMENT INVALID_PAGE_TOKEN.
   */
  ListMembers: grpc.handleUnaryCall<_teamseat_team_v1_ListMembersRequest__Output, _teamseat_team_v1_ListMembersResponse>;
  
  /**
   * Lists the teams a user owns, administers or is a member of, newest first (created_at desc,
   * then team_id). actor_user_id, when set, must equal user_id (PERMISSION_DENIED NOT_SELF).
   * Errors: INVALID_ARGUMENT INVALID_PAGE_TOKEN.
   */
  ListTeamsOfUser: grpc.handleUnaryCall<_teamseat_team_v1_ListTeamsOfUserRequest__Output, _teamseat_team_v1_ListTeamsOfUserResponse>;
  
  /**
   * Takes a seat back. Actor: owner or admin; only the owner may remove an admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER, ONLY_OWNER_MAY_REMOVE_ADMIN;
   * FAILED_PRECONDITION OWNER_CANNOT_BE_REMOVED (transfer ownership first); NOT_FOUND NOT_A_MEMBER.
   * Emits MemberRemoved (reason removed-by-admin).
   */
  RemoveMember: grpc.handleUnaryCall<_teamseat_team_v1_RemoveMemberRequest__Output, _teamseat_team_v1_RemoveMemberResponse>;
  
  /**
   * Issues a new token (the old one stops working) and a new expiry for a pending or expired invite.
   * An expired invite must find a free seat again. Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; NOT_FOUND INVITE_NOT_FOUND; FAILED_PRECONDITION
   * INVITE_NOT_PENDING (accepted or revoked), TEAM_NOT_ACTIVE; RESOURCE_EXHAUSTED SEAT_LIMIT_REACHED.
   * Emits InviteCreated.
   */
  ResendInvite: grpc.handleUnaryCall<_teamseat_team_v1_ResendInviteRequest__Output, _teamseat_team_v1_ResendInviteResponse>;
  
  /**
   * Makes an admin a plain member again (the seat stays). Actor: owner.
   * Errors: PERMISSION_DENIED NOT_TEAM_OWNER; NOT_FOUND NOT_A_MEMBER; FAILED_PRECONDITION NOT_AN_ADMIN.
   * Emits AdminRevoked.
   */
  RevokeAdmin: grpc.handleUnaryCall<_teamseat_team_v1_RevokeAdminRequest__Output, _teamseat_team_v1_RevokeAdminResponse>;
  
  /**
   * Withdraws a pending invite and frees its seat. Actor: owner or admin.
   * Errors: PERMISSION_DENIED NOT_TEAM_MANAGER; NOT_FOUND INVITE_NOT_FOUND;
   * FAILED_PRECONDITION INVITE_NOT_PENDING. Emits InviteRevoked.
   */
  RevokeInvite: grpc.handleUnaryCall<_teamseat_team_v1_RevokeInviteRequest__Output, _teamseat_team_v1_RevokeInviteResponse>;
  
  /**
   * Hands the team to another user.
   * OWNER_INITIATED: actor is the owner; the subscription stays with subscriber_user_id, only the
   * management role moves. The new owner must already be a member.
   * STORE_TRANSFER (internal): after a RevenueCat TRANSFER moved the purchase; actor is empty; both
   * subscriber_user_id and owner_user_id move to new_owner_user_id (owner_user_id only if it was the
   * subscriber). The new owner need not be a member.
   * The previous owner stays as previous_owner_role (ADMIN or MEMBER, taking a seat if one is free) or
   * leaves the team (ROLE_UNSPECIFIED, MemberRemoved reason ownership-transferred).
   * Errors: PERMISSION_DENIED NOT_TEAM_OWNER, INTERNAL_ONLY; NOT_FOUND NOT_A_MEMBER;
   * FAILED_PRECONDITION ALREADY_OWNER; RESOURCE_EXHAUSTED SEAT_LIMIT_REACHED (the new owner or the kept
   * previous owner needs a seat and none is free); ALREADY_EXISTS TEAM_ALREADY_OWNED (the new owner's
   * subscriber id already has a team for this management entitlement).
   * Emits OwnershipTransferred (and member events).
   */
  TransferOwnership: grpc.handleUnaryCall<_teamseat_team_v1_TransferOwnershipRequest__Output, _teamseat_team_v1_TransferOwnershipResponse>;
  
}

export interface TeamServiceDefinition extends grpc.ServiceDefinition {
  AcceptInvite: MethodDefinition<_teamseat_team_v1_AcceptInviteRequest, _teamseat_team_v1_AcceptInviteResponse, _teamseat_team_v1_AcceptInviteRequest__Output, _teamseat_team_v1_AcceptInviteResponse__Output>
  AddMember: MethodDefinition<_teamseat_team_v1_AddMemberRequest, _teamseat_team_v1_AddMemberResponse, _teamseat_team_v1_AddMemberRequest__Output, _teamseat_team_v1_AddMemberResponse__Output>
  ApplySubscriptionState: MethodDefinition<_teamseat_team_v1_ApplySubscriptionStateRequest, _teamseat_team_v1_ApplySubscriptionStateResponse, _teamseat_team_v1_ApplySubscriptionStateRequest__Output, _teamseat_team_v1_ApplySubscriptionStateResponse__Output>
  GetMemberGrant: MethodDefinition<_teamseat_team_v1_GetMemberGrantRequest, _teamseat_team_v1_GetMemberGrantResponse, _teamseat_team_v1_GetMemberGrantRequest__Output, _teamseat_team_v1_GetMemberGrantResponse__Output>
  GetSeatUsage: MethodDefinition<_teamseat_team_v1_GetSeatUsageRequest, _teamseat_team_v1_GetSeatUsageResponse, _teamseat_team_v1_GetSeatUsageRequest__Output, _teamseat_team_v1_GetSeatUsageResponse__Output>
  GetTeam: MethodDefinition<_teamseat_team_v1_GetTeamRequest, _teamseat_team_v1_GetTeamResponse, _teamseat_team_v1_GetTeamRequest__Output, _teamseat_team_v1_GetTeamResponse__Output>
  GrantAdmin: MethodDefinition<_teamseat_team_v1_GrantAdminRequest, _teamseat_team_v1_GrantAdminResponse, _teamseat_team_v1_GrantAdminRequest__Output, _teamseat_team_v1_GrantAdminResponse__Output>
  InviteByEmail: MethodDefinition<_teamseat_team_v1_InviteByEmailRequest, _teamseat_team_v1_InviteByEmailResponse, _teamseat_team_v1_InviteByEmailRequest__Output, _teamseat_team_v1_InviteByEmailResponse__Output>
  LeaveTeam: MethodDefinition<_teamseat_team_v1_LeaveTeamRequest, _teamseat_team_v1_LeaveTeamResponse, _teamseat_team_v1_LeaveTeamRequest__Output, _teamseat_team_v1_LeaveTeamResponse__Output>
  ListInvites: MethodDefinition<_teamseat_team_v1_ListInvitesRequest, _teamseat_team_v1_ListInvitesResponse, _teamseat_team_v1_ListInvitesRequest__Output, _teamseat_team_v1_ListInvitesResponse__Output>
  ListMembers: MethodDefinition<_teamseat_team_v1_ListMembersRequest, _teamseat_team_v1_ListMembersResponse, _teamseat_team_v1_ListMembersRequest__Output, _teamseat_team_v1_ListMembersResponse__Output>
  ListTeamsOfUser: MethodDefinition<_teamseat_team_v1_ListTeamsOfUserRequest, _teamseat_team_v1_ListTeamsOfUserResponse, _teamseat_team_v1_ListTeamsOfUserRequest__Output, _teamseat_team_v1_ListTeamsOfUserResponse__Output>
  RemoveMember: MethodDefinition<_teamseat_team_v1_RemoveMemberRequest, _teamseat_team_v1_RemoveMemberResponse, _teamseat_team_v1_RemoveMemberRequest__Output, _teamseat_team_v1_RemoveMemberResponse__Output>
  ResendInvite: MethodDefinition<_teamseat_team_v1_ResendInviteRequest, _teamseat_team_v1_ResendInviteResponse, _teamseat_team_v1_ResendInviteRequest__Output, _teamseat_team_v1_ResendInviteResponse__Output>
  RevokeAdmin: MethodDefinition<_teamseat_team_v1_RevokeAdminRequest, _teamseat_team_v1_RevokeAdminResponse, _teamseat_team_v1_RevokeAdminRequest__Output, _teamseat_team_v1_RevokeAdminResponse__Output>
  RevokeInvite: MethodDefinition<_teamseat_team_v1_RevokeInviteRequest, _teamseat_team_v1_RevokeInviteResponse, _teamseat_team_v1_RevokeInviteRequest__Output, _teamseat_team_v1_RevokeInviteResponse__Output>
  TransferOwnership: MethodDefinition<_teamseat_team_v1_TransferOwnershipRequest, _teamseat_team_v1_TransferOwnershipResponse, _teamseat_team_v1_TransferOwnershipRequest__Output, _teamseat_team_v1_TransferOwnershipResponse__Output>
}

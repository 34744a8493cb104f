import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { AcceptInviteRequest as _teamseat_team_v1_AcceptInviteRequest, AcceptInviteRequest__Output as _teamseat_team_v1_AcceptInviteRequest__Output } from './teamseat/team/v1/AcceptInviteRequest';
import type { AcceptInviteResponse as _teamseat_team_v1_AcceptInviteResponse, AcceptInviteResponse__Output as _teamseat_team_v1_AcceptInviteResponse__Output } from './teamseat/team/v1/AcceptInviteResponse';
import type { AddMemberRequest as _teamseat_team_v1_AddMemberRequest, AddMemberRequest__Output as _teamseat_team_v1_AddMemberRequest__Output } from './teamseat/team/v1/AddMemberRequest';
import type { AddMemberResponse as _teamseat_team_v1_AddMemberResponse, AddMemberResponse__Output as _teamseat_team_v1_AddMemberResponse__Output } from './teamseat/team/v1/AddMemberResponse';
import type { ApplySubscriptionStateRequest as _teamseat_team_v1_ApplySubscriptionStateRequest, ApplySubscriptionStateRequest__Output as _teamseat_team_v1_ApplySubscriptionStateRequest__Output } from './teamseat/team/v1/ApplySubscriptionStateRequest';
import type { ApplySubscriptionStateResponse as _teamseat_team_v1_ApplySubscriptionStateResponse, ApplySubscriptionStateResponse__Output as _teamseat_team_v1_ApplySubscriptionStateResponse__Output } from './teamseat/team/v1/ApplySubscriptionStateResponse';
import type { GetMemberGrantRequest as _teamseat_team_v1_GetMemberGrantRequest, GetMemberGrantRequest__Output as _teamseat_team_v1_GetMemberGrantRequest__Output } from './teamseat/team/v1/GetMemberGrantRequest';
import type { GetMemberGrantResponse as _teamseat_team_v1_GetMemberGrantResponse, GetMemberGrantResponse__Output as _teamseat_team_v1_GetMemberGrantResponse__Output } from './teamseat/team/v1/GetMemberGrantResponse';
import type { GetSeatUsageRequest as _teamseat_team_v1_GetSeatUsageRequest, GetSeatUsageRequest__Output as _teamseat_team_v1_GetSeatUsageRequest__Output } from './teamseat/team/v1/GetSeatUsageRequest';
import type { GetSeatUsageResponse as _teamseat_team_v1_GetSeatUsageResponse, GetSeatUsageResponse__Output as _teamseat_team_v1_GetSeatUsageResponse__Output } from './teamseat/team/v1/GetSeatUsageResponse';
import type { GetTeamRequest as _teamseat_team_v1_GetTeamRequest, GetTeamRequest__Output as _teamseat_team_v1_GetTeamRequest__Output } from './teamseat/team/v1/GetTeamRequest';
import type { GetTeamResponse as _teamseat_team_v1_GetTeamResponse, GetTeamResponse__Output as _teamseat_team_v1_GetTeamResponse__Output } from './teamseat/team/v1/GetTeamResponse';
import type { GrantAdminRequest as _teamseat_team_v1_GrantAdminRequest, GrantAdminRequest__Output as _teamseat_team_v1_GrantAdminRequest__Output } from './teamseat/team/v1/GrantAdminRequest';
import type { GrantAdminResponse as _teamseat_team_v1_GrantAdminResponse, GrantAdminResponse__Output as _teamseat_team_v1_GrantAdminResponse__Output } from './teamseat/team/v1/GrantAdminResponse';
import type { Invite as _teamseat_team_v1_Invite, Invite__Output as _teamseat_team_v1_Invite__Output } from './teamseat/team/v1/Invite';
import type { InviteByEmailRequest as _teamseat_team_v1_InviteByEmailRequest, InviteByEmailRequest__Output as _teamseat_team_v1_InviteByEmailRequest__Output } from './teamseat/team/v1/InviteByEmailRequest';
import type { InviteByEmailResponse as _teamseat_team_v1_InviteByEmailResponse, InviteByEmailResponse__Output as _teamseat_team_v1_InviteByEmailResponse__Output } from './teamseat/team/v1/InviteByEmailResponse';
import type { LeaveTeamRequest as _teamseat_team_v1_LeaveTeamRequest, LeaveTeamRequest__Output as _teamseat_team_v1_LeaveTeamRequest__Output } from './teamseat/team/v1/LeaveTeamRequest';
import type { LeaveTeamResponse as _teamseat_team_v1_LeaveTeamResponse, LeaveTeamResponse__Output as _teamseat_team_v1_LeaveTeamResponse__Output } from './teamseat/team/v1/LeaveTeamResponse';
import type { ListInvitesRequest as _teamseat_team_v1_ListInvitesRequest, ListInvitesRequest__Output as _teamseat_team_v1_ListInvitesRequest__Output } from './teamseat/team/v1/ListInvitesRequest';
import type { ListInvitesResponse as _teamseat_team_v1_ListInvitesResponse, ListInvitesResponse__Output as _teamseat_team_v1_ListInvitesResponse__Output } from './teamseat/team/v1/ListInvitesResponse';
import type { ListMembersRequest as _teamseat_team_v1_ListMembersRequest, ListMembersRequest__Output as _teamseat_team_v1_ListMembersRequest__Output } from './teamseat/team/v1/ListMembersRequest';
import type { ListMembersResponse as _teamseat_team_v1_ListMembersResponse, ListMembersResponse__Output as _teamseat_team_v1_ListMembersResponse__Output } from './teamseat/team/v1/ListMembersResponse';
import type { ListTeamsOfUserRequest as _teamseat_team_v1_ListTeamsOfUserRequest, ListTeamsOfUserRequest__Output as _teamseat_team_v1_ListTeamsOfUserRequest__Output } from './teamseat/team/v1/ListTeamsOfUserRequest';
import type { ListTeamsOfUserResponse as _teamseat_team_v1_ListTeamsOfUserResponse, ListTeamsOfUserResponse__Output as _teamseat_team_v1_ListTeamsOfUserResponse__Output } from './teamseat/team/v1/ListTeamsOfUserResponse';
import type { Member as _teamseat_team_v1_Member, Member__Output as _teamseat_team_v1_Member__Output } from './teamseat/team/v1/Member';
import type { RemoveMemberRequest as _teamseat_team_v1_RemoveMemberRequest, RemoveMemberRequest__Output as _teamseat_team_v1_RemoveMemberRequest__Output } from './teamseat/team/v1/RemoveMemberRequest';
import type { RemoveMemberResponse as _teamseat_team_v1_RemoveMemberResponse, RemoveMemberResponse__Output as _teamseat_team_v1_RemoveMemberResponse__Output } from './teamseat/team/v1/RemoveMemberResponse';
import type { ResendInviteRequest as _teamseat_team_v1_ResendInviteRequest, ResendInviteRequest__Output as _teamseat_team_v1_ResendInviteRequest__Output } from './teamseat/team/v1/ResendInviteRequest';
import type { ResendInviteResponse as _teamseat_team_v1_ResendInviteResponse, ResendInviteResponse__Output as _teamseat_team_v1_ResendInviteResponse__Output } from './teamseat/team/v1/ResendInviteResponse';
import type { RevokeAdminRequest as _teamseat_team_v1_RevokeAdminRequest, RevokeAdminRequest__Output as _teamseat_team_v1_RevokeAdminRequest__Output } from './teamseat/team/v1/RevokeAdminRequest';
import type { RevokeAdminResponse as _teamseat_team_v1_RevokeAdminResponse, RevokeAdminResponse__Output as _teamseat_team_v1_RevokeAdminResponse__Output } from './teamseat/team/v1/RevokeAdminResponse';
import type { RevokeInviteRequest as _teamseat_team_v1_RevokeInviteRequest, RevokeInviteRequest__Output as _teamseat_team_v1_RevokeInviteRequest__Output } from './teamseat/team/v1/RevokeInviteRequest';
import type { RevokeInviteResponse as _teamseat_team_v1_RevokeInviteResponse, RevokeInviteResponse__Output as _teamseat_team_v1_RevokeInviteResponse__Output } from './teamseat/team/v1/RevokeInviteResponse';
import type { SeatPack as _teamseat_team_v1_SeatPack, SeatPack__Output as _teamseat_team_v1_SeatPack__Output } from './teamseat/team/v1/SeatPack';
import type { SeatSource as _teamseat_team_v1_SeatSource, SeatSource__Output as _teamseat_team_v1_SeatSource__Output } from './teamseat/team/v1/SeatSource';
import type { Team as _teamseat_team_v1_Team, Team__Output as _teamseat_team_v1_Team__Output } from './teamseat/team/v1/Team';
import type { TeamKey as _teamseat_team_v1_TeamKey, TeamKey__Output as _teamseat_team_v1_TeamKey__Output } from './teamseat/team/v1/TeamKey';
import type { TeamMembership as _teamseat_team_v1_TeamMembership, TeamMembership__Output as _teamseat_team_v1_TeamMembership__Output } from './teamseat/team/v1/TeamMembership';
import type { TeamServiceClient as _teamseat_team_v1_TeamServiceClient, TeamServiceDefinition as _teamseat_team_v1_TeamServiceDefinition } from './teamseat/team/v1/TeamService';
import type { TransferOwnershipRequest as _teamseat_team_v1_TransferOwnershipRequest, TransferOwnershipRequest__Output as _teamseat_team_v1_TransferOwnershipRequest__Output } from './teamseat/team/v1/TransferOwnershipRequest';
import type { TransferOwnershipResponse as _teamseat_team_v1_TransferOwnershipResponse, TransferOwnershipResponse__Output as _teamseat_team_v1_TransferOwnershipResponse__Output } from './teamseat/team/v1/TransferOwnershipResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  teamseat: {
    team: {
      v1: {
        AcceptInviteRequest: MessageTypeDefinition<_teamseat_team_v1_AcceptInviteRequest, _teamseat_team_v1_AcceptInviteRequest__Output>
        AcceptInviteResponse: MessageTypeDefinition<_teamseat_team_v1_AcceptInviteResponse, _teamseat_team_v1_AcceptInviteResponse__Output>
        AddMemberRequest: MessageTypeDefinition<_teamseat_team_v1_AddMemberRequest, _teamseat_team_v1_AddMemberRequest__Output>
        AddMemberResponse: MessageTypeDefinition<_teamseat_team_v1_AddMemberResponse, _teamseat_team_v1_AddMemberResponse__Output>
        ApplySubscriptionStateRequest: MessageTypeDefinition<_teamseat_team_v1_ApplySubscriptionStateRequest, _teamseat_team_v1_ApplySubscriptionStateRequest__Output>
        ApplySubscriptionStateResponse: MessageTypeDefinition<_teamseat_team_v1_ApplySubscriptionStateResponse, _teamseat_team_v1_ApplySubscriptionStateResponse__Output>
        GetMemberGrantRequest: MessageTypeDefinition<_teamseat_team_v1_GetMemberGrantRequest, _teamseat_team_v1_GetMemberGrantRequest__Output>
        GetMemberGrantResponse: MessageTypeDefinition<_teamseat_team_v1_GetMemberGrantResponse, _teamseat_team_v1_GetMemberGrantResponse__Output>
        GetSeatUsageRequest: MessageTypeDefinition<_teamseat_team_v1_GetSeatUsageRequest, _teamseat_team_v1_GetSeatUsageRequest__Output>
        GetSeatUsageResponse: MessageTypeDefinition<_teamseat_team_v1_GetSeatUsageResponse, _teamseat_team_v1_GetSeatUsageResponse__Output>
        GetTeamRequest: MessageTypeDefinition<_teamseat_team_v1_GetTeamRequest, _teamseat_team_v1_GetTeamRequest__Output>
        GetTeamResponse: MessageTypeDefinition<_teamseat_team_v1_GetTeamResponse, _teamseat_team_v1_GetTeamResponse__Output>
        GrantAdminRequest: MessageTypeDefinition<_teamseat_team_v1_GrantAdminRequest, _teamseat_team_v1_GrantAdminRequest__Output>
        GrantAdminResponse: MessageTypeDefinition<_teamseat_team_v1_GrantAdminResponse, _teamseat_team_v1_GrantAdminResponse__Output>
        GrantKind: EnumTypeDefinition
        GrantMode: EnumTypeDefinition
        Invite: MessageTypeDefinition<_teamseat_team_v1_Invite, _teamseat_team_v1_Invite__Output>
        InviteByEmailRequest: MessageTypeDefinition<_teamseat_team_v1_InviteByEmailRequest, _teamseat_team_v1_InviteByEmailRequest__Output>
        InviteByEmailResponse: MessageTypeDefinition<_teamseat_team_v1_InviteByEmailResponse, _teamseat_team_v1_InviteByEmailResponse__Output>
        InviteStatus: EnumTypeDefinition
        LeaveTeamRequest: MessageTypeDefinition<_teamseat_team_v1_LeaveTeamRequest, _teamseat_team_v1_LeaveTeamRequest__Output>
        LeaveTeamResponse: MessageTypeDefinition<_teamseat_team_v1_LeaveTeamResponse, _teamseat_team_v1_LeaveTeamResponse__Output>
        ListInvitesRequest: MessageTypeDefinition<_teamseat_team_v1_ListInvitesRequest, _teamseat_team_v1_ListInvitesRequest__Output>
        ListInvitesResponse: MessageTypeDefinition<_teamseat_team_v1_ListInvitesResponse, _teamseat_team_v1_ListInvitesResponse__Output>
        ListMembersRequest: MessageTypeDefinition<_teamseat_team_v1_ListMembersRequest, _teamseat_team_v1_ListMembersRequest__Output>
        ListMembersResponse: MessageTypeDefinition<_teamseat_team_v1_ListMembersResponse, _teamseat_team_v1_ListMembersResponse__Output>
        ListTeamsOfUserRequest: MessageTypeDefinition<_teamseat_team_v1_ListTeamsOfUserRequest, _teamseat_team_v1_ListTeamsOfUserRequest__Output>
        ListTeamsOfUserResponse: MessageTypeDefinition<_teamseat_team_v1_ListTeamsOfUserResponse, _teamseat_team_v1_ListTeamsOfUserResponse__Output>
        Member: MessageTypeDefinition<_teamseat_team_v1_Member, _teamseat_team_v1_Member__Output>
        RemoveMemberRequest: MessageTypeDefinition<_teamseat_team_v1_RemoveMemberRequest, _teamseat_team_v1_RemoveMemberRequest__Output>
        RemoveMemberResponse: MessageTypeDefinition<_teamseat_team_v1_RemoveMemberResponse, _teamseat_team_v1_RemoveMemberResponse__Output>
        ResendInviteRequest: MessageTypeDefinition<_teamseat_team_v1_ResendInviteRequest, _teamseat_team_v1_ResendInviteRequest__Output>
        ResendInviteResponse: MessageTypeDefinition<_teamseat_team_v1_ResendInviteResponse, _teamseat_team_v1_ResendInviteResponse__Output>
        RevokeAdminRequest: MessageTypeDefinition<_teamseat_team_v1_RevokeAdminRequest, _teamseat_team_v1_RevokeAdminRequest__Output>
        RevokeAdminResponse: MessageTypeDefinition<_teamseat_team_v1_RevokeAdminResponse, _teamseat_team_v1_RevokeAdminResponse__Output>
        RevokeInviteRequest: MessageTypeDefinition<_teamseat_team_v1_RevokeInviteRequest, _teamseat_team_v1_RevokeInviteRequest__Output>
        RevokeInviteResponse: MessageTypeDefinition<_teamseat_team_v1_RevokeInviteResponse, _teamseat_team_v1_RevokeInviteResponse__Output>
        Role: EnumTypeDefinition
        SeatPack: MessageTypeDefinition<_teamseat_team_v1_SeatPack, _teamseat_team_v1_SeatPack__Output>
        SeatSource: MessageTypeDefinition<_teamseat_team_v1_SeatSource, _teamseat_team_v1_SeatSource__Output>
        SeatSourceKind: EnumTypeDefinition
        ShrinkPolicy: EnumTypeDefinition
        Team: MessageTypeDefinition<_teamseat_team_v1_Team, _teamseat_team_v1_Team__Output>
        TeamKey: MessageTypeDefinition<_teamseat_team_v1_TeamKey, _teamseat_team_v1_TeamKey__Output>
        TeamMembership: MessageTypeDefinition<_teamseat_team_v1_TeamMembership, _teamseat_team_v1_TeamMembership__Output>
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
        TeamService: SubtypeConstructor<typeof grpc.Client, _teamseat_team_v1_TeamServiceClient> & { service: _teamseat_team_v1_TeamServiceDefinition }
        TeamStatus: EnumTypeDefinition
        TransferKind: EnumTypeDefinition
        TransferOwnershipRequest: MessageTypeDefinition<_teamseat_team_v1_TransferOwnershipRequest, _teamseat_team_v1_TransferOwnershipRequest__Output>
        TransferOwnershipResponse: MessageTypeDefinition<_teamseat_team_v1_TransferOwnershipResponse, _teamseat_team_v1_TransferOwnershipResponse__Output>
      }
    }
  }
}


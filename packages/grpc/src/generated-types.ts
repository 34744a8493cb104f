// The generated types of teamseat's protos (scripts/gen-proto.mjs writes them to ./generated), exported
// from the package root so no one imports them from dist/generated. Both proto packages define an
// ErrorReason, so those two are exported under their package's name. Messages and services are types
// only; enums are also values. test/unit/generated-types.unit.test.ts checks that no module is missing.

export type { ProtoGrpcType as TeamProtoGrpcType } from './generated/team_service';
export type { ProtoGrpcType as EntitlementProtoGrpcType } from './generated/entitlement_service';
export type * from './generated/google/protobuf/Timestamp';

// teamseat.team.v1
export type * from './generated/teamseat/team/v1/AcceptInviteRequest';
export type * from './generated/teamseat/team/v1/AcceptInviteResponse';
export type * from './generated/teamseat/team/v1/AddMemberRequest';
export type * from './generated/teamseat/team/v1/AddMemberResponse';
export type * from './generated/teamseat/team/v1/ApplySubscriptionStateRequest';
export type * from './generated/teamseat/team/v1/ApplySubscriptionStateResponse';
export {
  ErrorReason as TeamErrorReason,
  type ErrorReason__Output as TeamErrorReason__Output,
} from './generated/teamseat/team/v1/ErrorReason';
export type * from './generated/teamseat/team/v1/GetMemberGrantRequest';
export type * from './generated/teamseat/team/v1/GetMemberGrantResponse';
export type * from './generated/teamseat/team/v1/GetSeatUsageRequest';
export type * from './generated/teamseat/team/v1/GetSeatUsageResponse';
export type * from './generated/teamseat/team/v1/GetTeamRequest';
export type * from './generated/teamseat/team/v1/GetTeamResponse';
export type * from './generated/teamseat/team/v1/GrantAdminRequest';
export type * from './generated/teamseat/team/v1/GrantAdminResponse';
export * from './generated/teamseat/team/v1/GrantKind';
export * from './generated/teamseat/team/v1/GrantMode';
export type * from './generated/teamseat/team/v1/Invite';
export type * from './generated/teamseat/team/v1/InviteByEmailRequest';
export type * from './generated/teamseat/team/v1/InviteByEmailResponse';
export * from './generated/teamseat/team/v1/InviteStatus';
export type * from './generated/teamseat/team/v1/LeaveTeamRequest';
export type * from './generated/teamseat/team/v1/LeaveTeamResponse';
export type * from './generated/teamseat/team/v1/ListInvitesRequest';
export type * from './generated/teamseat/team/v1/ListInvitesResponse';
export type * from './generated/teamseat/team/v1/ListMembersRequest';
export type * from './generated/teamseat/team/v1/ListMembersResponse';
export type * from './generated/teamseat/team/v1/ListTeamsOfUserRequest';
export type * from './generated/teamseat/team/v1/ListTeamsOfUserResponse';
export type * from './generated/teamseat/team/v1/Member';
export type * from './generated/teamseat/team/v1/RemoveMemberRequest';
export type * from './generated/teamseat/team/v1/RemoveMemberResponse';
export type * from './generated/teamseat/team/v1/ResendInviteRequest';
export type * from './generated/teamseat/team/v1/ResendInviteResponse';
export type * from './generated/teamseat/team/v1/RevokeAdminRequest';
export type * from './generated/teamseat/team/v1/RevokeAdminResponse';
export type * from './generated/teamseat/team/v1/RevokeInviteRequest';
export type * from './generated/teamseat/team/v1/RevokeInviteResponse';
export * from './generated/teamseat/team/v1/Role';
export type * from './generated/teamseat/team/v1/SeatPack';
export type * from './generated/teamseat/team/v1/SeatSource';
export * from './generated/teamseat/team/v1/SeatSourceKind';
export * from './generated/teamseat/team/v1/ShrinkPolicy';
export type * from './generated/teamseat/team/v1/Team';
export type * from './generated/teamseat/team/v1/TeamKey';
export type * from './generated/teamseat/team/v1/TeamMembership';
export type * from './generated/teamseat/team/v1/TeamService';
export * from './generated/teamseat/team/v1/TeamStatus';
export * from './generated/teamseat/team/v1/TransferKind';
export type * from './generated/teamseat/team/v1/TransferOwnershipRequest';
export type * from './generated/teamseat/team/v1/TransferOwnershipResponse';

// teamseat.entitlement.v1
export type * from './generated/teamseat/entitlement/v1/AccessSource';
export * from './generated/teamseat/entitlement/v1/ChangeCause';
export type * from './generated/teamseat/entitlement/v1/CheckAccessRequest';
export type * from './generated/teamseat/entitlement/v1/CheckAccessResponse';
export type * from './generated/teamseat/entitlement/v1/Entitlement';
export type * from './generated/teamseat/entitlement/v1/EntitlementChange';
export type * from './generated/teamseat/entitlement/v1/EntitlementService';
export {
  ErrorReason as EntitlementErrorReason,
  type ErrorReason__Output as EntitlementErrorReason__Output,
} from './generated/teamseat/entitlement/v1/ErrorReason';
export type * from './generated/teamseat/entitlement/v1/Expiry';
export type * from './generated/teamseat/entitlement/v1/GetMemberAccessRequest';
export type * from './generated/teamseat/entitlement/v1/GetMemberAccessResponse';
export type * from './generated/teamseat/entitlement/v1/GetSweepStatusRequest';
export type * from './generated/teamseat/entitlement/v1/GetSweepStatusResponse';
export type * from './generated/teamseat/entitlement/v1/GetTeamAccessReportRequest';
export type * from './generated/teamseat/entitlement/v1/GetTeamAccessReportResponse';
export * from './generated/teamseat/entitlement/v1/GrantState';
export type * from './generated/teamseat/entitlement/v1/ListEntitlementsRequest';
export type * from './generated/teamseat/entitlement/v1/ListEntitlementsResponse';
export * from './generated/teamseat/entitlement/v1/MemberAccessState';
export type * from './generated/teamseat/entitlement/v1/MemberEntitlementAccess';
export type * from './generated/teamseat/entitlement/v1/MemberGrant';
export type * from './generated/teamseat/entitlement/v1/ReconcileProgress';
export type * from './generated/teamseat/entitlement/v1/ReconcileTeamRequest';
export type * from './generated/teamseat/entitlement/v1/ReconcileTeamResponse';
export type * from './generated/teamseat/entitlement/v1/ReconcileTeamWithProgressRequest';
export type * from './generated/teamseat/entitlement/v1/ReconcileTeamWithProgressResponse';
export * from './generated/teamseat/entitlement/v1/SourceKind';
export type * from './generated/teamseat/entitlement/v1/SweepRun';
export type * from './generated/teamseat/entitlement/v1/SyncCustomerRequest';
export type * from './generated/teamseat/entitlement/v1/SyncCustomerResponse';
export type * from './generated/teamseat/entitlement/v1/TeamAccessReport';
export type * from './generated/teamseat/entitlement/v1/WatchEntitlementChangesRequest';
export type * from './generated/teamseat/entitlement/v1/WatchEntitlementChangesResponse';

import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { AccessSource as _teamseat_entitlement_v1_AccessSource, AccessSource__Output as _teamseat_entitlement_v1_AccessSource__Output } from './teamseat/entitlement/v1/AccessSource';
import type { CheckAccessRequest as _teamseat_entitlement_v1_CheckAccessRequest, CheckAccessRequest__Output as _teamseat_entitlement_v1_CheckAccessRequest__Output } from './teamseat/entitlement/v1/CheckAccessRequest';
import type { CheckAccessResponse as _teamseat_entitlement_v1_CheckAccessResponse, CheckAccessResponse__Output as _teamseat_entitlement_v1_CheckAccessResponse__Output } from './teamseat/entitlement/v1/CheckAccessResponse';
import type { Entitlement as _teamseat_entitlement_v1_Entitlement, Entitlement__Output as _teamseat_entitlement_v1_Entitlement__Output } from './teamseat/entitlement/v1/Entitlement';
import type { EntitlementChange as _teamseat_entitlement_v1_EntitlementChange, EntitlementChange__Output as _teamseat_entitlement_v1_EntitlementChange__Output } from './teamseat/entitlement/v1/EntitlementChange';
import type { EntitlementServiceClient as _teamseat_entitlement_v1_EntitlementServiceClient, EntitlementServiceDefinition as _teamseat_entitlement_v1_EntitlementServiceDefinition } from './teamseat/entitlement/v1/EntitlementService';
import type { Expiry as _teamseat_entitlement_v1_Expiry, Expiry__Output as _teamseat_entitlement_v1_Expiry__Output } from './teamseat/entitlement/v1/Expiry';
import type { GetMemberAccessRequest as _teamseat_entitlement_v1_GetMemberAccessRequest, GetMemberAccessRequest__Output as _teamseat_entitlement_v1_GetMemberAccessRequest__Output } from './teamseat/entitlement/v1/GetMemberAccessRequest';
import type { GetMemberAccessResponse as _teamseat_entitlement_v1_GetMemberAccessResponse, GetMemberAccessResponse__Output as _teamseat_entitlement_v1_GetMemberAccessResponse__Output } from './teamseat/entitlement/v1/GetMemberAccessResponse';
import type { GetSweepStatusRequest as _teamseat_entitlement_v1_GetSweepStatusRequest, GetSweepStatusRequest__Output as _teamseat_entitlement_v1_GetSweepStatusRequest__Output } from './teamseat/entitlement/v1/GetSweepStatusRequest';
import type { GetSweepStatusResponse as _teamseat_entitlement_v1_GetSweepStatusResponse, GetSweepStatusResponse__Output as _teamseat_entitlement_v1_GetSweepStatusResponse__Output } from './teamseat/entitlement/v1/GetSweepStatusResponse';
import type { GetTeamAccessReportRequest as _teamseat_entitlement_v1_GetTeamAccessReportRequest, GetTeamAccessReportRequest__Output as _teamseat_entitlement_v1_GetTeamAccessReportRequest__Output } from './teamseat/entitlement/v1/GetTeamAccessReportRequest';
import type { GetTeamAccessReportResponse as _teamseat_entitlement_v1_GetTeamAccessReportResponse, GetTeamAccessReportResponse__Output as _teamseat_entitlement_v1_GetTeamAccessReportResponse__Output } from './teamseat/entitlement/v1/GetTeamAccessReportResponse';
import type { ListEntitlementsRequest as _teamseat_entitlement_v1_ListEntitlementsRequest, ListEntitlementsRequest__Output as _teamseat_entitlement_v1_ListEntitlementsRequest__Output } from './teamseat/entitlement/v1/ListEntitlementsRequest';
import type { ListEntitlementsResponse as _teamseat_entitlement_v1_ListEntitlementsResponse, ListEntitlementsResponse__Output as _teamseat_entitlement_v1_ListEntitlementsResponse__Output } from './teamseat/entitlement/v1/ListEntitlementsResponse';
import type { MemberEntitlementAccess as _teamseat_entitlement_v1_MemberEntitlementAccess, MemberEntitlementAccess__Output as _teamseat_entitlement_v1_MemberEntitlementAccess__Output } from './teamseat/entitlement/v1/MemberEntitlementAccess';
import type { MemberGrant as _teamseat_entitlement_v1_MemberGrant, MemberGrant__Output as _teamseat_entitlement_v1_MemberGrant__Output } from './teamseat/entitlement/v1/MemberGrant';
import type { ReconcileProgress as _teamseat_entitlement_v1_ReconcileProgress, ReconcileProgress__Output as _teamseat_entitlement_v1_ReconcileProgress__Output } from './teamseat/entitlement/v1/ReconcileProgress';
import type { ReconcileTeamRequest as _teamseat_entitlement_v1_ReconcileTeamRequest, ReconcileTeamRequest__Output as _teamseat_entitlement_v1_ReconcileTeamRequest__Output } from './teamseat/entitlement/v1/ReconcileTeamRequest';
import type { ReconcileTeamResponse as _teamseat_entitlement_v1_ReconcileTeamResponse, ReconcileTeamResponse__Output as _teamseat_entitlement_v1_ReconcileTeamResponse__Output } from './teamseat/entitlement/v1/ReconcileTeamResponse';
import type { ReconcileTeamWithProgressRequest as _teamseat_entitlement_v1_ReconcileTeamWithProgressRequest, ReconcileTeamWithProgressRequest__Output as _teamseat_entitlement_v1_ReconcileTeamWithProgressRequest__Output } from './teamseat/entitlement/v1/ReconcileTeamWithProgressRequest';
import type { ReconcileTeamWithProgressResponse as _teamseat_entitlement_v1_ReconcileTeamWithProgressResponse, ReconcileTeamWithProgressResponse__Output as _teamseat_entitlement_v1_ReconcileTeamWithProgressResponse__Output } from './teamseat/entitlement/v1/ReconcileTeamWithProgressResponse';
import type { SweepRun as _teamseat_entitlement_v1_SweepRun, SweepRun__Output as _teamseat_entitlement_v1_SweepRun__Output } from './teamseat/entitlement/v1/SweepRun';
import type { SyncCustomerRequest as _teamseat_entitlement_v1_SyncCustomerRequest, SyncCustomerRequest__Output as _teamseat_entitlement_v1_SyncCustomerRequest__Output } from './teamseat/entitlement/v1/SyncCustomerRequest';
import type { SyncCustomerResponse as _teamseat_entitlement_v1_SyncCustomerResponse, SyncCustomerResponse__Output as _teamseat_entitlement_v1_SyncCustomerResponse__Output } from './teamseat/entitlement/v1/SyncCustomerResponse';
import type { TeamAccessReport as _teamseat_entitlement_v1_TeamAccessReport, TeamAccessReport__Output as _teamseat_entitlement_v1_TeamAccessReport__Output } from './teamseat/entitlement/v1/TeamAccessReport';
import type { WatchEntitlementChangesRequest as _teamseat_entitlement_v1_WatchEntitlementChangesRequest, WatchEntitlementChangesRequest__Output as _teamseat_entitlement_v1_WatchEntitlementChangesRequest__Output } from './teamseat/entitlement/v1/WatchEntitlementChangesRequest';
import type { WatchEntitlementChangesResponse as _teamseat_entitlement_v1_WatchEntitlementChangesResponse, WatchEntitlementChangesResponse__Output as _teamseat_entitlement_v1_WatchEntitlementChangesResponse__Output } from './teamseat/entitlement/v1/WatchEntitlementChangesResponse';

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
    entitlement: {
      v1: {
        AccessSource: MessageTypeDefinition<_teamseat_entitlement_v1_AccessSource, _teamseat_entitlement_v1_AccessSource__Output>
        ChangeCause: EnumTypeDefinition
        CheckAccessRequest: MessageTypeDefinition<_teamseat_entitlement_v1_CheckAccessRequest, _teamseat_entitlement_v1_CheckAccessRequest__Output>
        CheckAccessResponse: MessageTypeDefinition<_teamseat_entitlement_v1_CheckAccessResponse, _teamseat_entitlement_v1_CheckAccessResponse__Output>
        Entitlement: MessageTypeDefinition<_teamseat_entitlement_v1_Entitlement, _teamseat_entitlement_v1_Entitlement__Output>
        EntitlementChange: MessageTypeDefinition<_teamseat_entitlement_v1_EntitlementChange, _teamseat_entitlement_v1_EntitlementChange__Output>
        /**
         * EntitlementService answers "may this user use X?" from the customer snapshots it keeps in step
         * with RevenueCat, and owns the ledger of promotional grants it makes for team members.
         * 
         * Callers authenticate with a bearer token in the `authorization` metadata. Errors are gRPC statuses
         * with a message naming the field or the rule and a reason from `ErrorReason`
         * (entitlement_errors.proto) in the trailing metadata `error-reason`. Common to every RPC:
         * UNAUTHENTICATED     UNAUTHENTICATED         token missing or unknown
         * INVALID_ARGUMENT    INVALID_ARGUMENT        a field is missing or malformed (message names it)
         * UNAVAILABLE         UNAVAILABLE             database down; retry
         * Reads answer from the stored snapshot and never call RevenueCat; an unknown user simply has no
         * entitlements (RevenueCat creates customers on first sight, so "not found" does not exist there).
         */
        EntitlementService: SubtypeConstructor<typeof grpc.Client, _teamseat_entitlement_v1_EntitlementServiceClient> & { service: _teamseat_entitlement_v1_EntitlementServiceDefinition }
        Expiry: MessageTypeDefinition<_teamseat_entitlement_v1_Expiry, _teamseat_entitlement_v1_Expiry__Output>
        GetMemberAccessRequest: MessageTypeDefinition<_teamseat_entitlement_v1_GetMemberAccessRequest, _teamseat_entitlement_v1_GetMemberAccessRequest__Output>
        GetMemberAccessResponse: MessageTypeDefinition<_teamseat_entitlement_v1_GetMemberAccessResponse, _teamseat_entitlement_v1_GetMemberAccessResponse__Output>
        GetSweepStatusRequest: MessageTypeDefinition<_teamseat_entitlement_v1_GetSweepStatusRequest, _teamseat_entitlement_v1_GetSweepStatusRequest__Output>
        GetSweepStatusResponse: MessageTypeDefinition<_teamseat_entitlement_v1_GetSweepStatusResponse, _teamseat_entitlement_v1_GetSweepStatusResponse__Output>
        GetTeamAccessReportRequest: MessageTypeDefinition<_teamseat_entitlement_v1_GetTeamAccessReportRequest, _teamseat_entitlement_v1_GetTeamAccessReportRequest__Output>
        GetTeamAccessReportResponse: MessageTypeDefinition<_teamseat_entitlement_v1_GetTeamAccessReportResponse, _teamseat_entitlement_v1_GetTeamAccessReportResponse__Output>
        GrantState: EnumTypeDefinition
        ListEntitlementsRequest: MessageTypeDefinition<_teamseat_entitlement_v1_ListEntitlementsRequest, _teamseat_entitlement_v1_ListEntitlementsRequest__Output>
        ListEntitlementsResponse: MessageTypeDefinition<_teamseat_entitlement_v1_ListEntitlementsResponse, _teamseat_entitlement_v1_ListEntitlementsResponse__Output>
        MemberAccessState: EnumTypeDefinition
        MemberEntitlementAccess: MessageTypeDefinition<_teamseat_entitlement_v1_MemberEntitlementAccess, _teamseat_entitlement_v1_MemberEntitlementAccess__Output>
        MemberGrant: MessageTypeDefinition<_teamseat_entitlement_v1_MemberGrant, _teamseat_entitlement_v1_MemberGrant__Output>
        ReconcileProgress: MessageTypeDefinition<_teamseat_entitlement_v1_ReconcileProgress, _teamseat_entitlement_v1_ReconcileProgress__Output>
        ReconcileTeamRequest: MessageTypeDefinition<_teamseat_entitlement_v1_ReconcileTeamRequest, _teamseat_entitlement_v1_ReconcileTeamRequest__Output>
        ReconcileTeamResponse: MessageTypeDefinition<_teamseat_entitlement_v1_ReconcileTeamResponse, _teamseat_entitlement_v1_ReconcileTeamResponse__Output>
        ReconcileTeamWithProgressRequest: MessageTypeDefinition<_teamseat_entitlement_v1_ReconcileTeamWithProgressRequest, _teamseat_entitlement_v1_ReconcileTeamWithProgressRequest__Output>
        ReconcileTeamWithProgressResponse: MessageTypeDefinition<_teamseat_entitlement_v1_ReconcileTeamWithProgressResponse, _teamseat_entitlement_v1_ReconcileTeamWithProgressResponse__Output>
        SourceKind: EnumTypeDefinition
        SweepRun: MessageTypeDefinition<_teamseat_entitlement_v1_SweepRun, _teamseat_entitlement_v1_SweepRun__Output>
        SyncCustomerRequest: MessageTypeDefinition<_teamseat_entitlement_v1_SyncCustomerRequest, _teamseat_entitlement_v1_SyncCustomerRequest__Output>
        SyncCustomerResponse: MessageTypeDefinition<_teamseat_entitlement_v1_SyncCustomerResponse, _teamseat_entitlement_v1_SyncCustomerResponse__Output>
        TeamAccessReport: MessageTypeDefinition<_teamseat_entitlement_v1_TeamAccessReport, _teamseat_entitlement_v1_TeamAccessReport__Output>
        WatchEntitlementChangesRequest: MessageTypeDefinition<_teamseat_entitlement_v1_WatchEntitlementChangesRequest, _teamseat_entitlement_v1_WatchEntitlementChangesRequest__Output>
        WatchEntitlementChangesResponse: MessageTypeDefinition<_teamseat_entitlement_v1_WatchEntitlementChangesResponse, _teamseat_entitlement_v1_WatchEntitlementChangesResponse__Output>
      }
    }
  }
}


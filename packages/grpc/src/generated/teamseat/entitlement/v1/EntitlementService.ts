// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CheckAccessRequest as _teamseat_entitlement_v1_CheckAccessRequest, CheckAccessRequest__Output as _teamseat_entitlement_v1_CheckAccessRequest__Output } from '../../../teamseat/entitlement/v1/CheckAccessRequest';
import type { CheckAccessResponse as _teamseat_entitlement_v1_CheckAccessResponse, CheckAccessResponse__Output as _teamseat_entitlement_v1_CheckAccessResponse__Output } from '../../../teamseat/entitlement/v1/CheckAccessResponse';
import type { GetMemberAccessRequest as _teamseat_entitlement_v1_GetMemberAccessRequest, GetMemberAccessRequest__Output as _teamseat_entitlement_v1_GetMemberAccessRequest__Output } from '../../../teamseat/entitlement/v1/GetMemberAccessRequest';
import type { GetMemberAccessResponse as _teamseat_entitlement_v1_GetMemberAccessResponse, GetMemberAccessResponse__Output as _teamseat_entitlement_v1_GetMemberAccessResponse__Output } from '../../../teamseat/entitlement/v1/GetMemberAccessResponse';
import type { GetSweepStatusRequest as _teamseat_entitlement_v1_GetSweepStatusRequest, GetSweepStatusRequest__Output as _teamseat_entitlement_v1_GetSweepStatusRequest__Output } from '../../../teamseat/entitlement/v1/GetSweepStatusRequest';
import type { GetSweepStatusResponse as _teamseat_entitlement_v1_GetSweepStatusResponse, GetSweepStatusResponse__Output as _teamseat_entitlement_v1_GetSweepStatusResponse__Output } from '../../../teamseat/entitlement/v1/GetSweepStatusResponse';
import type { GetTeamAccessReportRequest as _teamseat_entitlement_v1_GetTeamAccessReportRequest, GetTeamAccessReportRequest__Output as _teamseat_entitlement_v1_GetTeamAccessReportRequest__Output } from '../../../teamseat/entitlement/v1/GetTeamAccessReportRequest';
import type { GetTeamAccessReportResponse as _teamseat_entitlement_v1_GetTeamAccessReportResponse, GetTeamAccessReportResponse__Output as _teamseat_entitlement_v1_GetTeamAccessReportResponse__Output } from '../../../teamseat/entitlement/v1/GetTeamAccessReportResponse';
import type { ListEntitlementsRequest as _teamseat_entitlement_v1_ListEntitlementsRequest, ListEntitlementsRequest__Output as _teamseat_entitlement_v1_ListEntitlementsRequest__Output } from '../../../teamseat/entitlement/v1/ListEntitlementsRequest';
import type { ListEntitlementsResponse as _teamseat_entitlement_v1_ListEntitlementsResponse, ListEntitlementsResponse__Output as _teamseat_entitlement_v1_ListEntitlementsResponse__Output } from '../../../teamseat/entitlement/v1/ListEntitlementsResponse';
import type { ReconcileTeamRequest as _teamseat_entitlement_v1_ReconcileTeamRequest, ReconcileTeamRequest__Output as _teamseat_entitlement_v1_ReconcileTeamRequest__Output } from '../../../teamseat/entitlement/v1/ReconcileTeamRequest';
import type { ReconcileTeamResponse as _teamseat_entitlement_v1_ReconcileTeamResponse, ReconcileTeamResponse__Output as _teamseat_entitlement_v1_ReconcileTeamResponse__Output } from '../../../teamseat/entitlement/v1/ReconcileTeamResponse';
import type { ReconcileTeamWithProgressRequest as _teamseat_entitlement_v1_ReconcileTeamWithProgressRequest, ReconcileTeamWithProgressRequest__Output as _teamseat_entitlement_v1_ReconcileTeamWithProgressRequest__Output } from '../../../teamseat/entitlement/v1/ReconcileTeamWithProgressRequest';
import type { ReconcileTeamWithProgressResponse as _teamseat_entitlement_v1_ReconcileTeamWithProgressResponse, ReconcileTeamWithProgressResponse__Output as _teamseat_entitlement_v1_ReconcileTeamWithProgressResponse__Output } from '../../../teamseat/entitlement/v1/ReconcileTeamWithProgressResponse';
import type { SyncCustomerRequest as _teamseat_entitlement_v1_SyncCustomerRequest, SyncCustomerRequest__Output as _teamseat_entitlement_v1_SyncCustomerRequest__Output } from '../../../teamseat/entitlement/v1/SyncCustomerRequest';
import type { SyncCustomerResponse as _teamseat_entitlement_v1_SyncCustomerResponse, SyncCustomerResponse__Output as _teamseat_entitlement_v1_SyncCustomerResponse__Output } from '../../../teamseat/entitlement/v1/SyncCustomerResponse';
import type { WatchEntitlementChangesRequest as _teamseat_entitlement_v1_WatchEntitlementChangesRequest, WatchEntitlementChangesRequest__Output as _teamseat_entitlement_v1_WatchEntitlementChangesRequest__Output } from '../../../teamseat/entitlement/v1/WatchEntitlementChangesRequest';
import type { WatchEntitlementChangesResponse as _teamseat_entitlement_v1_WatchEntitlementChangesResponse, WatchEntitlementChangesResponse__Output as _teamseat_entitlement_v1_WatchEntitlementChangesResponse__Output } from '../../../teamseat/entitlement/v1/WatchEntitlementChangesResponse';

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
export interface EntitlementServiceClient extends grpc.Client {
  /**
   * Is the entitlement active for the user now? Picks the source that lasts longest (lifetime wins)
   * and lists every source in `sources`.
   */
  CheckAccess(argument: _teamseat_entitlement_v1_CheckAccessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_CheckAccessResponse__Output>): grpc.ClientUnaryCall;
  CheckAccess(argument: _teamseat_entitlement_v1_CheckAccessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_CheckAccessResponse__Output>): grpc.ClientUnaryCall;
  CheckAccess(argument: _teamseat_entitlement_v1_CheckAccessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_CheckAccessResponse__Output>): grpc.ClientUnaryCall;
  CheckAccess(argument: _teamseat_entitlement_v1_CheckAccessRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_CheckAccessResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Is the entitlement active for the user now? Picks the source that lasts longest (lifetime wins)
   * and lists every source in `sources`.
   */
  checkAccess(argument: _teamseat_entitlement_v1_CheckAccessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_CheckAccessResponse__Output>): grpc.ClientUnaryCall;
  checkAccess(argument: _teamseat_entitlement_v1_CheckAccessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_CheckAccessResponse__Output>): grpc.ClientUnaryCall;
  checkAccess(argument: _teamseat_entitlement_v1_CheckAccessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_CheckAccessResponse__Output>): grpc.ClientUnaryCall;
  checkAccess(argument: _teamseat_entitlement_v1_CheckAccessRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_CheckAccessResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Is one member's seat ready? (ADR 0037) The member's access state for one team, without a team report:
   * PENDING while team-service has the member at a team version entitlement-service has not applied yet
   * (pass AddMember's team.version as min_team_version) or while the grant is not yet made; ACTIVE once
   * every member entitlement is granted or covered by access teamseat did not give; FAILED (with reason)
   * while the grant fails, retried or not; NOT_A_MEMBER when the user holds no seat in the team. One point
   * read of team-service (GetMemberGrant) and one of the user's record; RevenueCat is not called.
   * Errors: NOT_FOUND TEAM_NOT_FOUND, UNAVAILABLE TEAM_SERVICE_UNAVAILABLE.
   */
  GetMemberAccess(argument: _teamseat_entitlement_v1_GetMemberAccessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetMemberAccessResponse__Output>): grpc.ClientUnaryCall;
  GetMemberAccess(argument: _teamseat_entitlement_v1_GetMemberAccessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetMemberAccessResponse__Output>): grpc.ClientUnaryCall;
  GetMemberAccess(argument: _teamseat_entitlement_v1_GetMemberAccessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetMemberAccessResponse__Output>): grpc.ClientUnaryCall;
  GetMemberAccess(argument: _teamseat_entitlement_v1_GetMemberAccessRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetMemberAccessResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Is one member's seat ready? (ADR 0037) The member's access state for one team, without a team report:
   * PENDING while team-service has the member at a team version entitlement-service has not applied yet
   * (pass AddMember's team.version as min_team_version) or while the grant is not yet made; ACTIVE once
   * every member entitlement is granted or covered by access teamseat did not give; FAILED (with reason)
   * while the grant fails, retried or not; NOT_A_MEMBER when the user holds no seat in the team. One point
   * read of team-service (GetMemberGrant) and one of the user's record; RevenueCat is not called.
   * Errors: NOT_FOUND TEAM_NOT_FOUND, UNAVAILABLE TEAM_SERVICE_UNAVAILABLE.
   */
  getMemberAccess(argument: _teamseat_entitlement_v1_GetMemberAccessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetMemberAccessResponse__Output>): grpc.ClientUnaryCall;
  getMemberAccess(argument: _teamseat_entitlement_v1_GetMemberAccessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetMemberAccessResponse__Output>): grpc.ClientUnaryCall;
  getMemberAccess(argument: _teamseat_entitlement_v1_GetMemberAccessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetMemberAccessResponse__Output>): grpc.ClientUnaryCall;
  getMemberAccess(argument: _teamseat_entitlement_v1_GetMemberAccessRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetMemberAccessResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * What the periodic sweep last did (any replica's last run, from the database), whether a replica holds
   * its lease now, and when the answering replica's timer runs it next.
   */
  GetSweepStatus(argument: _teamseat_entitlement_v1_GetSweepStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetSweepStatusResponse__Output>): grpc.ClientUnaryCall;
  GetSweepStatus(argument: _teamseat_entitlement_v1_GetSweepStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetSweepStatusResponse__Output>): grpc.ClientUnaryCall;
  GetSweepStatus(argument: _teamseat_entitlement_v1_GetSweepStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetSweepStatusResponse__Output>): grpc.ClientUnaryCall;
  GetSweepStatus(argument: _teamseat_entitlement_v1_GetSweepStatusRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetSweepStatusResponse__Output>): grpc.ClientUnaryCall;
  /**
   * What the periodic sweep last did (any replica's last run, from the database), whether a replica holds
   * its lease now, and when the answering replica's timer runs it next.
   */
  getSweepStatus(argument: _teamseat_entitlement_v1_GetSweepStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetSweepStatusResponse__Output>): grpc.ClientUnaryCall;
  getSweepStatus(argument: _teamseat_entitlement_v1_GetSweepStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetSweepStatusResponse__Output>): grpc.ClientUnaryCall;
  getSweepStatus(argument: _teamseat_entitlement_v1_GetSweepStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetSweepStatusResponse__Output>): grpc.ClientUnaryCall;
  getSweepStatus(argument: _teamseat_entitlement_v1_GetSweepStatusRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetSweepStatusResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * For each member of a team and each member entitlement: what the ledger wants, what RevenueCat
   * last confirmed, and the last failure. Errors: NOT_FOUND TEAM_NOT_FOUND,
   * UNAVAILABLE TEAM_SERVICE_UNAVAILABLE.
   */
  GetTeamAccessReport(argument: _teamseat_entitlement_v1_GetTeamAccessReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetTeamAccessReportResponse__Output>): grpc.ClientUnaryCall;
  GetTeamAccessReport(argument: _teamseat_entitlement_v1_GetTeamAccessReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetTeamAccessReportResponse__Output>): grpc.ClientUnaryCall;
  GetTeamAccessReport(argument: _teamseat_entitlement_v1_GetTeamAccessReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetTeamAccessReportResponse__Output>): grpc.ClientUnaryCall;
  GetTeamAccessReport(argument: _teamseat_entitlement_v1_GetTeamAccessReportRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetTeamAccessReportResponse__Output>): grpc.ClientUnaryCall;
  /**
   * For each member of a team and each member entitlement: what the ledger wants, what RevenueCat
   * last confirmed, and the last failure. Errors: NOT_FOUND TEAM_NOT_FOUND,
   * UNAVAILABLE TEAM_SERVICE_UNAVAILABLE.
   */
  getTeamAccessReport(argument: _teamseat_entitlement_v1_GetTeamAccessReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetTeamAccessReportResponse__Output>): grpc.ClientUnaryCall;
  getTeamAccessReport(argument: _teamseat_entitlement_v1_GetTeamAccessReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetTeamAccessReportResponse__Output>): grpc.ClientUnaryCall;
  getTeamAccessReport(argument: _teamseat_entitlement_v1_GetTeamAccessReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetTeamAccessReportResponse__Output>): grpc.ClientUnaryCall;
  getTeamAccessReport(argument: _teamseat_entitlement_v1_GetTeamAccessReportRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_GetTeamAccessReportResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * All entitlements the stored snapshot knows for the user, sorted by entitlement id.
   */
  ListEntitlements(argument: _teamseat_entitlement_v1_ListEntitlementsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_ListEntitlementsResponse__Output>): grpc.ClientUnaryCall;
  ListEntitlements(argument: _teamseat_entitlement_v1_ListEntitlementsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_ListEntitlementsResponse__Output>): grpc.ClientUnaryCall;
  ListEntitlements(argument: _teamseat_entitlement_v1_ListEntitlementsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_ListEntitlementsResponse__Output>): grpc.ClientUnaryCall;
  ListEntitlements(argument: _teamseat_entitlement_v1_ListEntitlementsRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_ListEntitlementsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * All entitlements the stored snapshot knows for the user, sorted by entitlement id.
   */
  listEntitlements(argument: _teamseat_entitlement_v1_ListEntitlementsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_ListEntitlementsResponse__Output>): grpc.ClientUnaryCall;
  listEntitlements(argument: _teamseat_entitlement_v1_ListEntitlementsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_ListEntitlementsResponse__Output>): grpc.ClientUnaryCall;
  listEntitlements(argument: _teamseat_entitlement_v1_ListEntitlementsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_ListEntitlementsResponse__Output>): grpc.ClientUnaryCall;
  listEntitlements(argument: _teamseat_entitlement_v1_ListEntitlementsRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_ListEntitlementsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Re-derives every member's grants of a team from team-service and RevenueCat and repairs the
   * differences now (what the periodic sweep does). Returns the report after the repair.
   * Errors: NOT_FOUND TEAM_NOT_FOUND; UNAVAILABLE REVENUECAT_UNAVAILABLE, REVENUECAT_RATE_LIMITED,
   * TEAM_SERVICE_UNAVAILABLE (members repaired so far stay repaired).
   */
  ReconcileTeam(argument: _teamseat_entitlement_v1_ReconcileTeamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_ReconcileTeamResponse__Output>): grpc.ClientUnaryCall;
  ReconcileTeam(argument: _teamseat_entitlement_v1_ReconcileTeamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_ReconcileTeamResponse__Output>): grpc.ClientUnaryCall;
  ReconcileTeam(argument: _teamseat_entitlement_v1_ReconcileTeamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_ReconcileTeamResponse__Output>): grpc.ClientUnaryCall;
  ReconcileTeam(argument: _teamseat_entitlement_v1_ReconcileTeamRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_ReconcileTeamResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Re-derives every member's grants of a team from team-service and RevenueCat and repairs the
   * differences now (what the periodic sweep does). Returns the report after the repair.
   * Errors: NOT_FOUND TEAM_NOT_FOUND; UNAVAILABLE REVENUECAT_UNAVAILABLE, REVENUECAT_RATE_LIMITED,
   * TEAM_SERVICE_UNAVAILABLE (members repaired so far stay repaired).
   */
  reconcileTeam(argument: _teamseat_entitlement_v1_ReconcileTeamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_ReconcileTeamResponse__Output>): grpc.ClientUnaryCall;
  reconcileTeam(argument: _teamseat_entitlement_v1_ReconcileTeamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_ReconcileTeamResponse__Output>): grpc.ClientUnaryCall;
  reconcileTeam(argument: _teamseat_entitlement_v1_ReconcileTeamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_ReconcileTeamResponse__Output>): grpc.ClientUnaryCall;
  reconcileTeam(argument: _teamseat_entitlement_v1_ReconcileTeamRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_ReconcileTeamResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ReconcileTeam for a roster too long to wait on in silence (ADR 0034): streams the progress (members
   * done of the roster, with the counts so far) at the start, at most every 250 ms while it runs, and then
   * one last message holding the same result ReconcileTeam returns. A caller that cancels stops the work
   * after the members in flight; members repaired so far stay repaired. Errors as ReconcileTeam.
   */
  ReconcileTeamWithProgress(argument: _teamseat_entitlement_v1_ReconcileTeamWithProgressRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_teamseat_entitlement_v1_ReconcileTeamWithProgressResponse__Output>;
  ReconcileTeamWithProgress(argument: _teamseat_entitlement_v1_ReconcileTeamWithProgressRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_teamseat_entitlement_v1_ReconcileTeamWithProgressResponse__Output>;
  /**
   * ReconcileTeam for a roster too long to wait on in silence (ADR 0034): streams the progress (members
   * done of the roster, with the counts so far) at the start, at most every 250 ms while it runs, and then
   * one last message holding the same result ReconcileTeam returns. A caller that cancels stops the work
   * after the members in flight; members repaired so far stay repaired. Errors as ReconcileTeam.
   */
  reconcileTeamWithProgress(argument: _teamseat_entitlement_v1_ReconcileTeamWithProgressRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_teamseat_entitlement_v1_ReconcileTeamWithProgressResponse__Output>;
  reconcileTeamWithProgress(argument: _teamseat_entitlement_v1_ReconcileTeamWithProgressRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_teamseat_entitlement_v1_ReconcileTeamWithProgressResponse__Output>;
  
  /**
   * Fetches the customer from RevenueCat now, stores the snapshot, publishes changes and, when the
   * user holds a team product, applies the team state to team-service. Apps call it at login.
   * A snapshot stored less than SYNC_FRESH_FOR_MS ago (10 s by default) answers instead, with no
   * RevenueCat read, unless `force` is set. Calls for one user are serialised; SyncCustomer reads get
   * a bounded queue and a share of the RevenueCat rate, behind webhook-driven work and revokes, and a
   * caller that gives up (deadline, cancel) drops its queued read. Errors: UNAVAILABLE
   * REVENUECAT_UNAVAILABLE (breaker open or 5xx; retriable), UNAVAILABLE REVENUECAT_RATE_LIMITED
   * (retriable; the message says when), RESOURCE_EXHAUSTED REVENUECAT_QUEUE_FULL (too many syncs
   * waiting; retriable, the message says when), UNAVAILABLE REVENUECAT_QUEUE_TIMEOUT (waited the
   * longest a sync may wait; retriable), UNAVAILABLE TEAM_SERVICE_UNAVAILABLE (the snapshot was
   * stored; the team part will be retried).
   */
  SyncCustomer(argument: _teamseat_entitlement_v1_SyncCustomerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_SyncCustomerResponse__Output>): grpc.ClientUnaryCall;
  SyncCustomer(argument: _teamseat_entitlement_v1_SyncCustomerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_SyncCustomerResponse__Output>): grpc.ClientUnaryCall;
  SyncCustomer(argument: _teamseat_entitlement_v1_SyncCustomerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_SyncCustomerResponse__Output>): grpc.ClientUnaryCall;
  SyncCustomer(argument: _teamseat_entitlement_v1_SyncCustomerRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_SyncCustomerResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Fetches the customer from RevenueCat now, stores the snapshot, publishes changes and, when the
   * user holds a team product, applies the team state to team-service. Apps call it at login.
   * A snapshot stored less than SYNC_FRESH_FOR_MS ago (10 s by default) answers instead, with no
   * RevenueCat read, unless `force` is set. Calls for one user are serialised; SyncCustomer reads get
   * a bounded queue and a share of the RevenueCat rate, behind webhook-driven work and revokes, and a
   * caller that gives up (deadline, cancel) drops its queued read. Errors: UNAVAILABLE
   * REVENUECAT_UNAVAILABLE (breaker open or 5xx; retriable), UNAVAILABLE REVENUECAT_RATE_LIMITED
   * (retriable; the message says when), RESOURCE_EXHAUSTED REVENUECAT_QUEUE_FULL (too many syncs
   * waiting; retriable, the message says when), UNAVAILABLE REVENUECAT_QUEUE_TIMEOUT (waited the
   * longest a sync may wait; retriable), UNAVAILABLE TEAM_SERVICE_UNAVAILABLE (the snapshot was
   * stored; the team part will be retried).
   */
  syncCustomer(argument: _teamseat_entitlement_v1_SyncCustomerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_SyncCustomerResponse__Output>): grpc.ClientUnaryCall;
  syncCustomer(argument: _teamseat_entitlement_v1_SyncCustomerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_teamseat_entitlement_v1_SyncCustomerResponse__Output>): grpc.ClientUnaryCall;
  syncCustomer(argument: _teamseat_entitlement_v1_SyncCustomerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_teamseat_entitlement_v1_SyncCustomerResponse__Output>): grpc.ClientUnaryCall;
  syncCustomer(argument: _teamseat_entitlement_v1_SyncCustomerRequest, callback: grpc.requestCallback<_teamseat_entitlement_v1_SyncCustomerResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams entitlement changes as they are published (the same facts as the
   * teamseat.entitlement-changes.v1 topic), from the moment of the call; no replay. The server ends
   * the stream with UNAVAILABLE when it shuts down; clients reconnect and call ListEntitlements to
   * catch up.
   */
  WatchEntitlementChanges(argument: _teamseat_entitlement_v1_WatchEntitlementChangesRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_teamseat_entitlement_v1_WatchEntitlementChangesResponse__Output>;
  WatchEntitlementChanges(argument: _teamseat_entitlement_v1_WatchEntitlementChangesRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_teamseat_entitlement_v1_WatchEntitlementChangesResponse__Output>;
  /**
   * Streams entitlement changes as they are published (the same facts as the
   * teamseat.entitlement-changes.v1 topic), from the moment of the call; no replay. The server ends
   * the stream with UNAVAILABLE when it shuts down; clients reconnect and call ListEntitlements to
   * catch up.
   */
  watchEntitlementChanges(argument: _teamseat_entitlement_v1_WatchEntitlementChangesRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_teamseat_entitlement_v1_WatchEntitlementChangesResponse__Output>;
  watchEntitlementChanges(argument: _teamseat_entitlement_v1_WatchEntitlementChangesRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_teamseat_entitlement_v1_WatchEntitlementChangesResponse__Output>;
  
}

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
export interface EntitlementServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Is the entitlement active for the user now? Picks the source that lasts longest (lifetime wins)
   * and lists every source in `sources`.
   */
  CheckAccess: grpc.handleUnaryCall<_teamseat_entitlement_v1_CheckAccessRequest__Output, _teamseat_entitlement_v1_CheckAccessResponse>;
  
  /**
   * Is one member's seat ready? (ADR 0037) The member's access state for one team, without a team report:
   * PENDING while team-service has the member at a team version entitlement-service has not applied yet
   * (pass AddMember's team.version as min_team_version) or while the grant is not yet made; ACTIVE once
   * every member entitlement is granted or covered by access teamseat did not give; FAILED (with reason)
   * while the grant fails, retried or not; NOT_A_MEMBER when the user holds no seat in the team. One point
   * read of team-service (GetMemberGrant) and one of the user's record; RevenueCat is not called.
   * Errors: NOT_FOUND TEAM_NOT_FOUND, UNAVAILABLE TEAM_SERVICE_UNAVAILABLE.
   */
  GetMemberAccess: grpc.handleUnaryCall<_teamseat_entitlement_v1_GetMemberAccessRequest__Output, _teamseat_entitlement_v1_GetMemberAccessResponse>;
  
  /**
   * What the periodic sweep last did (any replica's last run, from the database), whether a replica holds
   * its lease now, and when the answering replica's timer runs it next.
   */
  GetSweepStatus: grpc.handleUnaryCall<_teamseat_entitlement_v1_GetSweepStatusRequest__Output, _teamseat_entitlement_v1_GetSweepStatusResponse>;
  
  /**
   * For each member of a team and each member entitlement: what the ledger wants, what RevenueCat
   * last confirmed, and the last failure. Errors: NOT_FOUND TEAM_NOT_FOUND,
   * UNAVAILABLE TEAM_SERVICE_UNAVAILABLE.
   */
  GetTeamAccessReport: grpc.handleUnaryCall<_teamseat_entitlement_v1_GetTeamAccessReportRequest__Output, _teamseat_entitlement_v1_GetTeamAccessReportResponse>;
  
  /**
   * All entitlements the stored snapshot knows for the user, sorted by entitlement id.
   */
  ListEntitlements: grpc.handleUnaryCall<_teamseat_entitlement_v1_ListEntitlementsRequest__Output, _teamseat_entitlement_v1_ListEntitlementsResponse>;
  
  /**
   * Re-derives every member's grants of a team from team-service and RevenueCat and repairs the
   * differences now (what the periodic sweep does). Returns the report after the repair.
   * Errors: NOT_FOUND TEAM_NOT_FOUND; UNAVAILABLE REVENUECAT_UNAVAILABLE, REVENUECAT_RATE_LIMITED,
   * TEAM_SERVICE_UNAVAILABLE (members repaired so far stay repaired).
   */
  ReconcileTeam: grpc.handleUnaryCall<_teamseat_entitlement_v1_ReconcileTeamRequest__Output, _teamseat_entitlement_v1_ReconcileTeamResponse>;
  
  /**
   * ReconcileTeam for a roster too long to wait on in silence (ADR 0034): streams the progress (members
   * done of the roster, with the counts so far) at the start, at most every 250 ms while it runs, and then
   * one last message holding the same result ReconcileTeam returns. A caller that cancels stops the work
   * after the members in flight; members repaired so far stay repaired. Errors as ReconcileTeam.
   */
  ReconcileTeamWithProgress: grpc.handleServerStreamingCall<_teamseat_entitlement_v1_ReconcileTeamWithProgressRequest__Output, _teamseat_entitlement_v1_ReconcileTeamWithProgressResponse>;
  
  /**
   * Fetches the customer from RevenueCat now, stores the snapshot, publishes changes and, when the
   * user holds a team product, applies the team state to team-service. Apps call it at login.
   * A snapshot stored less than SYNC_FRESH_FOR_MS ago (10 s by default) answers instead, with no
   * RevenueCat read, unless `force` is set. Calls for one user are serialised; SyncCustomer reads get
   * a bounded queue and a share of the RevenueCat rate, behind webhook-driven work and revokes, and a
   * caller that gives up (deadline, cancel) drops its queued read. Errors: UNAVAILABLE
   * REVENUECAT_UNAVAILABLE (breaker open or 5xx; retriable), UNAVAILABLE REVENUECAT_RATE_LIMITED
   * (retriable; the message says when), RESOURCE_EXHAUSTED REVENUECAT_QUEUE_FULL (too many syncs
   * waiting; retriable, the message says when), UNAVAILABLE REVENUECAT_QUEUE_TIMEOUT (waited the
   * longest a sync may wait; retriable), UNAVAILABLE TEAM_SERVICE_UNAVAILABLE (the snapshot was
   * stored; the team part will be retried).
   */
  SyncCustomer: grpc.handleUnaryCall<_teamseat_entitlement_v1_SyncCustomerRequest__Output, _teamseat_entitlement_v1_SyncCustomerResponse>;
  
  /**
   * Streams entitlement changes as they are published (the same facts as the
   * teamseat.entitlement-changes.v1 topic), from the moment of the call; no replay. The server ends
   * the stream with UNAVAILABLE when it shuts down; clients reconnect and call ListEntitlements to
   * catch up.
   */
  WatchEntitlementChanges: grpc.handleServerStreamingCall<_teamseat_entitlement_v1_WatchEntitlementChangesRequest__Output, _teamseat_entitlement_v1_WatchEntitlementChangesResponse>;
  
}

export interface EntitlementServiceDefinition extends grpc.ServiceDefinition {
  CheckAccess: MethodDefinition<_teamseat_entitlement_v1_CheckAccessRequest, _teamseat_entitlement_v1_CheckAccessResponse, _teamseat_entitlement_v1_CheckAccessRequest__Output, _teamseat_entitlement_v1_CheckAccessResponse__Output>
  GetMemberAccess: MethodDefinition<_teamseat_entitlement_v1_GetMemberAccessRequest, _teamseat_entitlement_v1_GetMemberAccessResponse, _teamseat_entitlement_v1_GetMemberAccessRequest__Output, _teamseat_entitlement_v1_GetMemberAccessResponse__Output>
  GetSweepStatus: MethodDefinition<_teamseat_entitlement_v1_GetSweepStatusRequest, _teamseat_entitlement_v1_GetSweepStatusResponse, _teamseat_entitlement_v1_GetSweepStatusRequest__Output, _teamseat_entitlement_v1_GetSweepStatusResponse__Output>
  GetTeamAccessReport: MethodDefinition<_teamseat_entitlement_v1_GetTeamAccessReportRequest, _teamseat_entitlement_v1_GetTeamAccessReportResponse, _teamseat_entitlement_v1_GetTeamAccessReportRequest__Output, _teamseat_entitlement_v1_GetTeamAccessReportResponse__Output>
  ListEntitlements: MethodDefinition<_teamseat_entitlement_v1_ListEntitlementsRequest, _teamseat_entitlement_v1_ListEntitlementsResponse, _teamseat_entitlement_v1_ListEntitlementsRequest__Output, _teamseat_entitlement_v1_ListEntitlementsResponse__Output>
  ReconcileTeam: MethodDefinition<_teamseat_entitlement_v1_ReconcileTeamRequest, _teamseat_entitlement_v1_ReconcileTeamResponse, _teamseat_entitlement_v1_ReconcileTeamRequest__Output, _teamseat_entitlement_v1_ReconcileTeamResponse__Output>
  ReconcileTeamWithProgress: MethodDefinition<_teamseat_entitlement_v1_ReconcileTeamWithProgressRequest, _teamseat_entitlement_v1_ReconcileTeamWithProgressResponse, _teamseat_entitlement_v1_ReconcileTeamWithProgressRequest__Output, _teamseat_entitlement_v1_ReconcileTeamWithProgressResponse__Output>
  SyncCustomer: MethodDefinition<_teamseat_entitlement_v1_SyncCustomerRequest, _teamseat_entitlement_v1_SyncCustomerResponse, _teamseat_entitlement_v1_SyncCustomerRequest__Output, _teamseat_entitlement_v1_SyncCustomerResponse__Output>
  WatchEntitlementChanges: MethodDefinition<_teamseat_entitlement_v1_WatchEntitlementChangesRequest, _teamseat_entitlement_v1_WatchEntitlementChangesResponse, _teamseat_entitlement_v1_WatchEntitlementChangesRequest__Output, _teamseat_entitlement_v1_WatchEntitlementChangesResponse__Output>
}

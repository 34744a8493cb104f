import type { ChangeCause } from '@teamseat/contracts';
import type { CustomerPatch, CustomerRecord } from '../domain/customer';
import type { EntitlementChangeFact } from '../domain/entitlement-changes';
import type { Expiry } from '../domain/expiry';
import type { OwnerTeamState, TeamStatus } from '../domain/owner-team-state';
import type { Subscriber } from '../domain/subscriber';
import type { TeamProduct } from '../domain/team-product';
import type { TeamTerms } from '../domain/team-terms';

// What the use cases need from the outside. adapters/ implements each port; the composition root
// (entitlement-service.ts) hands the implementations in.

/** Customer records by app user id (adapters/database/customer-repository.ts). */
export interface CustomerRepository {
  get(userId: string): Promise<CustomerRecord | undefined>;
  /** The record's revision: null when there is no record, undefined when it has none yet. */
  revisionOf(userId: string): Promise<number | null | undefined>;
  getMany(userIds: readonly string[]): Promise<CustomerRecord[]>;
  /** Ids among `userIds` that have a stored customer. */
  known(userIds: readonly string[]): Promise<string[]>;
  /**
   * Applies the patch in one write and answers the revision after it (undefined when nothing was written).
   * `isNew`: the caller has just read no record. Whether a snapshot is newer than the stored one is decided
   * by the caller from the record it has just read, under the per-user lock (user-locks.ts), and checked
   * again by the write itself: a snapshot older than the stored one (another replica's) is not written, the
   * rest of the patch is.
   */
  update(userId: string, patch: CustomerPatch, options?: { isNew?: boolean }): Promise<number | undefined>;
  /** Subscribers whose team check is due (RevenueCat time), earliest first. */
  teamChecksDue(nowMs: number, limit: number): Promise<string[]>;
  /** Users whose snapshot was stored before `before` (wall time), oldest first: the sweep's candidates. */
  staleSince(before: Date, limit: number): Promise<string[]>;
}

/** Users with a ledger row to try again, and when (adapters/database/retry-queue-repository.ts). */
export interface RetryQueueRepository {
  schedule(userId: string, dueAtMs: number): Promise<void>;
  clear(userId: string): Promise<void>;
  due(nowMs: number, limit: number): Promise<string[]>;
}

/** Ids of webhook events already handled (adapters/database/processed-event-repository.ts). */
export interface ProcessedEventRepository {
  has(eventId: string): Promise<boolean>;
  /** Records the id; a second record of the same id is not an error (a redelivery finished twice). */
  mark(eventId: string, type: string): Promise<void>;
  deleteOlderThan(before: Date): Promise<number>;
}

/** Time-boxed leases, so one replica at a time runs the sweep (adapters/database/lease-repository.ts). */
export interface LeaseRepository {
  /** True when `holder` holds the lease named `name` for the next `ttlMs` (a holder renews by acquiring again). */
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
  /** Who holds the lease and until when (wall time); undefined when nobody ever took it. */
  read(name: string): Promise<{ holder: string; untilMs: number } | undefined>;
}

/** A sweep run that held the lease, as `sweep status` shows it (adapters/database/sweep-run-repository.ts). */
export interface SweepRunRecord {
  instanceId: string;
  startedAtMs: number;
  finishedAtMs: number;
  grantsRetried: number;
  teamsChecked: number;
  customersResynced: number;
  failures: number;
  /** Why the run stopped early, when it did. */
  stoppedEarly?: string;
}

/** The last sweep run of any replica, one document. */
export interface SweepRunRepository {
  record(run: SweepRunRecord): Promise<void>;
  last(): Promise<SweepRunRecord | undefined>;
}

export type ApiVersion = 'v1' | 'v2';

/** How a RevenueCat read waits for its turn at the shared rate (ADR 0022). */
export interface CallOptions {
  /** `on-demand`: an app waits for it (SyncCustomer), held to a share of the rate; default `background`. */
  priority?: 'background' | 'on-demand';
  /** The caller gave up: a call not yet made is dropped, one in flight is abandoned. */
  signal?: AbortSignal | undefined;
}

/**
 * RevenueCat as the use cases see it (adapters/revenuecat/revenuecat-client.ts): calls are rate limited,
 * serialised per user and retried; failures are AppErrors, retriable or not.
 */
export interface RevenueCatClient {
  /** The API grants and revokes go through (v2 grants only when no grant is active). */
  readonly apiVersion: ApiVersion;
  /** RevenueCat's clock, learned from its answers: expiries are judged on it (ADR 0005). */
  readonly clock: { now(): number };
  /** `GET /v1/subscribers/{id}`: the customer as RevenueCat knows it now (created if unknown). */
  getSubscriber(appUserId: string, options?: CallOptions): Promise<Subscriber>;
  /** Grants a promotional entitlement until `expiresAt` (LIFETIME: for life); returns the customer after. */
  grant(appUserId: string, entitlement: string, expiresAt: Expiry): Promise<Subscriber>;
  /** Revokes every promotional grant of the entitlement, ahead of every other call; returns the customer after. */
  revoke(appUserId: string, entitlement: string): Promise<Subscriber>;
}

/** The reason of the retriable AppError a team-service call fails with when team-service cannot answer. */
export const TEAM_SERVICE_UNAVAILABLE = 'TEAM_SERVICE_UNAVAILABLE';

/** A team as entitlement-service needs it. */
export interface TeamSummary {
  teamId: string;
  ownerUserId: string;
  subscriberUserId: string;
  productId: string;
  managementEntitlement: string;
  status: TeamStatus;
  /** LIFETIME when team-service reports no period end (a lifetime purchase). */
  periodEndsAt: Expiry;
  memberEntitlements: string[];
  grantMode: 'period' | 'lifetime';
  ownerTakesSeat: boolean;
  seatLimit: number;
  seatsUsed: number;
  memberCount: number;
}

export type TeamRole = 'owner' | 'admin' | 'member';

export interface RosterEntry {
  userId: string;
  role: TeamRole;
  holdsSeat: boolean;
}

/** team-service, called over gRPC (adapters/team-service/team-directory.ts; DESIGN §1: never the other way). */
export interface TeamDirectory {
  applySubscriptionState(input: {
    subscriberUserId: string;
    state: OwnerTeamState;
    sourceEventId?: string | undefined;
  }): Promise<{ team: TeamSummary | undefined; changed: boolean; removedUserIds: string[] }>;
  /**
   * The roster with roles and whether each holds a seat: for the operator's team report and ReconcileTeam
   * only. Grants never read it back; they follow team-service's grant-terms facts (ADR 0016).
   */
  rosterOf(teamId: string): Promise<RosterEntry[]>;
  getTeam(teamId: string): Promise<TeamSummary | undefined>;
  /**
   * What a seat in the team gives the user now, as of the team's current version (GetMemberGrant, a point
   * read): the terms a grant-terms fact is checked against before it grants (ADR 0021), as of
   * `minVersion` (the fact's) or later when the team reached it. Undefined when team-service knows no such
   * team.
   */
  memberGrant(teamId: string, userId: string, minVersion?: number): Promise<TeamTerms | undefined>;
  /** The subscriber's team of the product's line and subscription group (ADR 0030). */
  teamByKey(
    subscriberUserId: string,
    product: Pick<TeamProduct, 'managementEntitlement' | 'subscriptionGroup'>,
  ): Promise<TeamSummary | undefined>;
  /** After a RevenueCat TRANSFER: the team follows the purchase to its new subscriber. */
  transferToNewSubscriber(input: {
    teamId: string;
    newOwnerUserId: string;
    sourceEventId: string;
  }): Promise<void>;
}

export interface ChangeContext {
  cause: ChangeCause;
  /** RevenueCat event id or team event id behind the change. */
  causationId?: string | undefined;
  /** The team whose grant terms (a fact, ReconcileTeam) caused the change: WatchEntitlementChanges' team filter. */
  teamId?: string | undefined;
  traceparent?: string | undefined;
}

/** Where entitlement changes go: `teamseat.entitlement-changes.v1` (adapters/kafka/change-publisher.ts). */
export interface ChangePublisher {
  /** Publishes one change per fact and resolves once they are all durably stored. */
  publish(facts: EntitlementChangeFact[], context: ChangeContext): Promise<void>;
}

import type { Logger } from '@teamseat/logger';
import { mergePatch, type CustomerPatch } from '../domain/customer';
import { diffEntitlements } from '../domain/entitlement-changes';
import { teamGrantsOf } from '../domain/grant-record';
import { freshSnapshotAgeMs } from '../domain/snapshot-freshness';
import { deriveOwnerTeamStates, type OwnerTeamState } from '../domain/owner-team-state';
import type { SeatPackProduct } from '../domain/seat-packs';
import type { Subscriber } from '../domain/subscriber';
import { teamLineOf, type TeamProduct } from '../domain/team-product';
import { isNewerSnapshot, isStaleEvent } from '../domain/watermark';
import type { AccessCache } from './access-cache';
import type {
  CallOptions,
  ChangeContext,
  ChangePublisher,
  CustomerRepository,
  RevenueCatClient,
  TeamDirectory,
} from './ports';
import type { UserLocks } from './user-locks';

export interface SyncOptions extends ChangeContext {
  /** Derive and apply the user's team state as a subscriber (never for our own promotional echoes). */
  applyTeams: boolean;
  /** A subscriber already fetched (a TRANSFER side): no second read. */
  fetched?: Subscriber | undefined;
  /** The triggering webhook's `event_timestamp_ms`: an event older than the handled snapshot is skipped. */
  eventTimestampMs?: unknown;
  /**
   * A promotional webhook (ADR 0039): when the stored snapshot already shows what it reports (the answer of
   * our own grant or revoke call, stored under the same user lock), nothing is read or written.
   */
  alreadyShownBy?: (snapshot: Subscriber | undefined) => boolean;
  /** An app asked (SyncCustomer): a snapshot stored within `freshForMs` is answered as is, with no read. */
  reuseFreshSnapshot?: boolean;
  /** How the RevenueCat read waits for its turn, and the caller's signal. */
  call?: CallOptions;
}

export interface SyncResult {
  /** True when the watermark showed the event already reflected: nothing was fetched or written. */
  skipped: boolean;
  /** True when the stored snapshot already showed the promotional webhook: nothing fetched or written. */
  reflected?: boolean;
  subscriber: Subscriber | undefined;
  /** Entitlements whose activity or expiry changed. */
  changed: string[];
  /** Teams whose state was applied. */
  teamIds: string[];
  /** Set when the stored snapshot was fresh enough to answer with: how old it was (wall ms). */
  snapshotAgeMs?: number;
}

export type CustomerSync = ReturnType<typeof createCustomerSync>;

/**
 * The owner sync (DESIGN §4.2), level-triggered: fetch the customer, publish what changed against the stored
 * snapshot, store it, then apply the derived team state of every team line the customer bought into. The
 * watermark moves only when all of that is done, so a retry after a failure repeats the missing steps. A
 * customer without team lines costs one write; a subscriber two (snapshot, then watermark after team-service).
 */
export function createCustomerSync(deps: {
  revenuecat: RevenueCatClient;
  customers: CustomerRepository;
  publisher: ChangePublisher;
  teams: TeamDirectory;
  products: readonly TeamProduct[];
  /** The catalog's seat packs: each running one adds seats to its team (ADR 0038). */
  seatPacks?: readonly SeatPackProduct[];
  cache: AccessCache;
  locks: UserLocks;
  /** How long after a period end the sweep checks a team whose renewal or expiry webhook never came. */
  teamCheckDelayMs?: number;
  /** SYNC_FRESH_FOR_MS: a snapshot stored this recently answers a SyncCustomer without a read (ADR 0022). */
  freshForMs?: number;
  logger: Logger;
  /** Wall clock. */
  now: () => number;
}) {
  const { revenuecat, customers, publisher, teams, products, cache, locks } = deps;
  const log = deps.logger.child({ module: 'customer-sync' });

  /** Lines bought before but absent now (refunded away, transferred): told to team-service as expired. */
  function vanishedLines(
    subscriber: Subscriber,
    known: readonly string[],
    present: readonly OwnerTeamState[],
  ) {
    const have = new Set(present.map((state) => teamLineOf(state.product)));
    return known
      .filter((line) => !have.has(line))
      .map((line) => products.find((product) => teamLineOf(product) === line))
      .filter((product): product is TeamProduct => product !== undefined)
      .map(
        (product): OwnerTeamState => ({
          product,
          status: 'expired',
          periodEndsAt: subscriber.requestDateMs,
          seatLimit: 0,
          seatPacks: [],
          sourceAtMs: subscriber.requestDateMs,
        }),
      );
  }

  async function apply(
    userId: string,
    states: OwnerTeamState[],
    causationId: string | undefined,
  ): Promise<string[]> {
    const teamIds: string[] = [];
    for (const state of states) {
      const result = await teams.applySubscriptionState({
        subscriberUserId: userId,
        state,
        sourceEventId: causationId,
      });
      if (result.team) teamIds.push(result.team.teamId);
      log.info(
        {
          userId,
          line: teamLineOf(state.product),
          status: state.status,
          changed: result.changed,
          teamId: result.team?.teamId,
        },
        'team state applied',
      );
    }
    return teamIds;
  }

  function nextTeamCheck(derived: readonly OwnerTeamState[]): number | null {
    // A running pack's end is a change of the team's seats too (ADR 0038).
    const ends = derived
      .filter((s) => s.status !== 'expired')
      .flatMap((s) => [s.periodEndsAt, ...s.seatPacks.map((pack) => pack.endsAtMs)])
      .filter((end) => Number.isFinite(end));
    if (ends.length === 0) return null;
    return Math.min(...ends) + (deps.teamCheckDelayMs ?? 300_000);
  }

  return {
    sync(userId: string, options: SyncOptions): Promise<SyncResult> {
      return locks.run(userId, async () => {
        const stored = await customers.get(userId);
        if (isStaleEvent(options.eventTimestampMs, { settledAtMs: stored?.settledAtMs })) {
          return { skipped: true, subscriber: undefined, changed: [], teamIds: [] };
        }
        if (options.alreadyShownBy?.(stored?.snapshot)) {
          return { skipped: true, reflected: true, subscriber: stored?.snapshot, changed: [], teamIds: [] };
        }
        const ageMs = options.reuseFreshSnapshot
          ? freshSnapshotAgeMs(stored, deps.now(), deps.freshForMs ?? 0)
          : undefined;
        if (ageMs !== undefined) {
          return {
            skipped: false,
            subscriber: stored?.snapshot,
            changed: [],
            teamIds: [],
            snapshotAgeMs: ageMs,
          };
        }
        const subscriber = options.fetched ?? (await revenuecat.getSubscriber(userId, options.call));
        const newer = isNewerSnapshot(subscriber.requestDateMs, stored?.fetchedAtMs);
        const changes = newer
          ? diffEntitlements(stored?.snapshot, subscriber, teamGrantsOf(stored?.grants ?? []))
          : [];
        // Published before storing: a crash in between republishes on the retry instead of losing the change.
        await publisher.publish(changes, options);
        const snapshot = newer ? subscriber : undefined;
        const settledAtMs = subscriber.requestDateMs;

        const derived = options.applyTeams ? deriveOwnerTeamStates(subscriber, products, deps.seatPacks) : [];
        const vanished = options.applyTeams
          ? vanishedLines(subscriber, stored?.teamLines ?? [], derived)
          : [];
        const states = [...derived, ...vanished];
        let teamIds: string[] = [];
        let record = stored;
        const write = async (patch: CustomerPatch) => {
          const revision = await customers.update(userId, patch, { isNew: record === undefined });
          record = mergePatch(userId, record, patch, revision, deps.now());
          cache.remember(record);
        };
        if (states.length === 0) {
          await write({ snapshot, settledAtMs });
        } else {
          await write({ snapshot });
          teamIds = await apply(userId, states, options.causationId);
          await write({
            settledAtMs,
            addTeamLines: derived.map((state) => teamLineOf(state.product)),
            nextTeamCheckAtMs: nextTeamCheck(derived),
          });
        }
        return { skipped: false, subscriber, changed: changes.map((change) => change.entitlement), teamIds };
      });
    },
  };
}

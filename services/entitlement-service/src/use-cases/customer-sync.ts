import type { Logger } from '@teamseat/logger';
import type { CustomerRepository } from '../data-access/customer-repository';
import type { GrantLedgerRepository } from '../data-access/grant-ledger-repository';
import type { TeamDirectory } from '../data-access/team-directory';
import { diffEntitlements } from '../domain/entitlement-changes';
import { deriveOwnerTeamStates, type OwnerTeamState } from '../domain/owner-team-state';
import type { Subscriber } from '../domain/subscriber';
import type { TeamProduct } from '../domain/team-product';
import { isNewerSnapshot } from '../domain/watermark';
import type { RevenueCatClient } from '../revenuecat/revenuecat-client';
import type { AccessCache } from './access-cache';
import type { ChangeContext, ChangePublisher } from './change-publisher';

export interface SyncOptions extends ChangeContext {
  /** Derive and apply the user's team state as a subscriber (never for our own promotional echoes). */
  applyTeams: boolean;
  /** A subscriber already fetched (a grant or revoke answer, a TRANSFER side): no second read. */
  fetched?: Subscriber | undefined;
}

export interface SyncResult {
  subscriber: Subscriber;
  /** Entitlements whose activity or expiry changed. */
  changed: string[];
  /** Teams whose state was applied. */
  teamIds: string[];
}

export type CustomerSync = ReturnType<typeof createCustomerSync>;

/**
 * The owner sync (DESIGN §4.2), level-triggered: fetch the customer, publish what changed against the stored
 * snapshot, store it, then apply the derived team state of every team line the customer bought into. The
 * watermark moves only when all of that is done, so a retry after a failure repeats the missing steps.
 */
export function createCustomerSync(deps: {
  revenuecat: RevenueCatClient;
  customers: CustomerRepository;
  /** How long after a period end the sweep checks a team whose renewal or expiry webhook never came. */
  teamCheckDelayMs?: number;
  ledger: GrantLedgerRepository;
  publisher: ChangePublisher;
  teams: TeamDirectory;
  products: readonly TeamProduct[];
  cache: AccessCache;
  logger: Logger;
}) {
  const { revenuecat, customers, ledger, publisher, teams, products, cache } = deps;
  const log = deps.logger.child({ module: 'customer-sync' });

  async function teamGrantsOf(userId: string): Promise<Map<string, string[]>> {
    const rows = await ledger.forUser(userId);
    return new Map(
      rows.filter((row) => row.desired !== undefined).map((row) => [row.entitlement, row.teamIds]),
    );
  }

  /** Publishes and stores a snapshot if it is newer than the stored one; returns the changed entitlements. */
  async function record(subscriber: Subscriber, context: ChangeContext): Promise<string[]> {
    const userId = subscriber.appUserId;
    const stored = await customers.get(userId);
    if (!isNewerSnapshot(subscriber.requestDateMs, stored?.fetchedAtMs)) return [];
    const changes = diffEntitlements(stored?.snapshot, subscriber, await teamGrantsOf(userId));
    // Published before storing: a crash in between republishes on the retry instead of losing the change.
    await publisher.publish(changes, context);
    await customers.storeSnapshot(subscriber);
    cache.invalidate(userId);
    return changes.map((change) => change.entitlement);
  }

  /** Lines bought before but absent now (refunded away, transferred): told to team-service as expired. */
  function vanishedLines(
    subscriber: Subscriber,
    known: readonly string[],
    present: readonly OwnerTeamState[],
  ) {
    const have = new Set(present.map((state) => state.product.managementEntitlement));
    return known
      .filter((line) => !have.has(line))
      .map((line) => products.find((product) => product.managementEntitlement === line))
      .filter((product): product is TeamProduct => product !== undefined)
      .map(
        (product): OwnerTeamState => ({
          product,
          status: 'expired',
          periodEndsAt: subscriber.requestDateMs,
          seatLimit: 0,
          sourceAtMs: subscriber.requestDateMs,
        }),
      );
  }

  async function applyTeams(subscriber: Subscriber, causationId: string | undefined): Promise<string[]> {
    const userId = subscriber.appUserId;
    const derived = deriveOwnerTeamStates(subscriber, products);
    const known = (await customers.get(userId))?.teamLines ?? [];
    const states = [...derived, ...vanishedLines(subscriber, known, derived)];
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
          line: state.product.managementEntitlement,
          status: state.status,
          changed: result.changed,
          teamId: result.team?.teamId,
        },
        'team state applied',
      );
    }
    await customers.addTeamLines(
      userId,
      derived.map((state) => state.product.managementEntitlement),
    );
    return teamIds;
  }

  return {
    record,

    async sync(userId: string, options: SyncOptions): Promise<SyncResult> {
      const subscriber = options.fetched ?? (await revenuecat.getSubscriber(userId));
      const changed = await record(subscriber, options);
      const teamIds = options.applyTeams ? await applyTeams(subscriber, options.causationId) : [];
      await customers.markSettled(userId, subscriber.requestDateMs);
      return { subscriber, changed, teamIds };
    },
  };
}

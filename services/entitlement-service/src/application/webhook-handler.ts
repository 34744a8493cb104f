import { parseWebhookBody, readRevenueCatEvent, type RevenueCatEvent } from '@teamseat/contracts';
import { AppError } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import { echoShownBy, isPromotionalEvent } from '../domain/echo';
import { deriveOwnerTeamStates, fundingSubscription } from '../domain/owner-team-state';
import { teamLineOf, type TeamProduct } from '../domain/team-product';
import { isPlausibleEventTime } from '../domain/watermark';
import { webhookEffect } from '../domain/webhook-effect';
import type { CustomerSync } from './customer-sync';
import type { CustomerRepository, ProcessedEventRepository, RevenueCatClient, TeamDirectory } from './ports';

/** `reflected`: a promotional webhook the stored snapshot already shows, answered without a read (ADR 0039). */
export type WebhookOutcome = 'processed' | 'duplicate' | 'ignored' | 'reflected';

const unique = (ids: Array<string | null | undefined>): string[] => [
  ...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0)),
];

/**
 * Handles one `revenuecat.webhooks.v1` record (DESIGN §4.2, §4.8, §4.9). The event is a trigger: the
 * customer is fetched and the level-triggered sync decides. Unparseable records throw a non-retriable
 * error (dead-lettered); RevenueCat or team-service trouble throws a retriable one (partition paused).
 */
export function createWebhookHandler(deps: {
  sync: CustomerSync;
  revenuecat: RevenueCatClient;
  customers: CustomerRepository;
  processed: ProcessedEventRepository;
  teams: TeamDirectory;
  products: readonly TeamProduct[];
  logger: Logger;
}) {
  const { sync, revenuecat, customers, processed, teams, products } = deps;

  /** The event's user, and the other ids it names that we already know (aliases of one customer). */
  async function usersOf(event: RevenueCatEvent): Promise<{ primary: string | undefined; others: string[] }> {
    const primary = unique([event.app_user_id, event.original_app_user_id])[0];
    const candidates = unique([event.original_app_user_id, ...(event.aliases ?? [])]).filter(
      (id) => id !== primary,
    );
    return { primary, others: await customers.known(candidates) };
  }

  /**
   * TRANSFER moves purchases between ids (sent for the destination only): a team follows its purchase to
   * the new subscriber before both sides are synced, so the destination's sync finds the team instead of
   * creating a second one.
   */
  async function transfer(event: RevenueCatEvent, log: Logger): Promise<void> {
    const from = unique(event.transferred_from ?? []);
    const to = unique(event.transferred_to ?? []);
    const fetched = new Map(
      await Promise.all(
        unique([...to, ...from]).map(async (id) => [id, await revenuecat.getSubscriber(id)] as const),
      ),
    );
    for (const destination of to) {
      const received = deriveOwnerTeamStates(fetched.get(destination)!, products).filter(
        (s) => s.status !== 'expired',
      );
      for (const source of from) {
        for (const state of received) {
          const line = teamLineOf(state.product);
          const stillThere = products
            .filter((p) => teamLineOf(p) === line)
            .some((p) => fundingSubscription(fetched.get(source)!, p) !== undefined);
          if (stillThere) continue;
          const team = await teams.teamByKey(source, state.product);
          if (!team || team.subscriberUserId !== source) continue;
          try {
            await teams.transferToNewSubscriber({
              teamId: team.teamId,
              newOwnerUserId: destination,
              sourceEventId: event.id,
            });
            log.info({ teamId: team.teamId, from: source, to: destination }, 'team moved with its purchase');
          } catch (error) {
            // The destination already has a team of this line: keep both; the source's team expires below.
            if (!(error instanceof AppError) || error.retriable) throw error;
            log.warn(
              { err: error, teamId: team.teamId, to: destination },
              'team could not follow the transfer',
            );
          }
        }
      }
    }
    for (const id of [...to, ...from]) {
      await sync.sync(id, {
        cause: 'webhook',
        causationId: event.id,
        applyTeams: true,
        fetched: fetched.get(id),
      });
    }
  }

  return {
    async handle(raw: Buffer | null, log: Logger): Promise<WebhookOutcome> {
      const body = parseWebhookBody(raw ?? Buffer.alloc(0));
      const event = readRevenueCatEvent(body.event);
      const effect = webhookEffect(event.type);
      // Events that can change no access are acknowledged without a RevenueCat read (ADR 0036).
      if (effect === 'none') {
        await processed.mark(event.id, event.type);
        return 'ignored';
      }
      // A redelivered event normally carries a time older than the snapshot its first delivery settled, and
      // the sync skips it after reading the customer anyway; the id lookup is for the events the watermark
      // cannot judge (no plausible time, TRANSFER), saving a read per webhook (ADR 0005).
      const judgedByWatermark = event.type !== 'TRANSFER' && isPlausibleEventTime(event.event_timestamp_ms);
      if (!judgedByWatermark && (await processed.has(event.id))) return 'duplicate';
      const eventLog = log.child({ eventId: event.id, eventType: event.type });

      let handled = true;
      let reflected = false;
      if (event.type === 'TRANSFER') {
        await transfer(event, eventLog);
      } else {
        const { primary, others } = await usersOf(event);
        // Our own grants and revokes come back as PROMOTIONAL events: they refresh the member's snapshot only,
        // and not even that when the snapshot stored from our call's answer already shows them (ADR 0039).
        const ownEcho = isPromotionalEvent(event);
        handled = false;
        for (const userId of primary ? [primary, ...others] : others) {
          // Team state is applied for the event's own user only, so an alias never opens a second team.
          const applyTeams = !ownEcho && effect === 'owner-sync' && userId === primary;
          const result = await sync.sync(userId, {
            cause: 'webhook',
            causationId: event.id,
            applyTeams,
            eventTimestampMs: event.event_timestamp_ms,
            ...(ownEcho && { alreadyShownBy: (snapshot) => echoShownBy(event, snapshot) }),
          });
          if (result.reflected) reflected = true;
          else if (result.skipped)
            eventLog.debug({ userId }, 'event older than the handled snapshot; skipped');
          else handled = true;
        }
      }
      await processed.mark(event.id, event.type);
      return handled ? 'processed' : reflected ? 'reflected' : 'duplicate';
    },
  };
}

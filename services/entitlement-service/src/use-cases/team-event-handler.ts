import { AppError } from '@teamseat/errors';
import { TEAM_EVENT_TYPES as T, decodeTeamEvent, type TeamEvent } from '@teamseat/contracts';
import type { BatchingProducer } from '@teamseat/kafka';
import type { Logger } from '@teamseat/logger';
import type { TeamDirectory } from '../data-access/team-directory';
import { encodeReconcileRequest, type ReconcileRequest, type TeamHint } from './reconcile-requests';

export type TeamEventOutcome = { users: number; type: string } | { skipped: string };

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i]);

interface Concerned {
  userId: string;
  /** Whether the user holds a seat in this team now; undefined when the event does not say. */
  holdsSeat?: boolean;
}

/** The grant terms the roster and status events carry (ADR 0002): enough for the reconciler's shortcut. */
function termsOf(event: TeamEvent): Omit<TeamHint, 'holdsSeat'> | undefined {
  const d = event.data as Partial<{
    status: TeamHint['status'];
    periodEndsAt: string | null;
    memberEntitlements: string[];
    grantMode: TeamHint['grantMode'];
  }> & { teamId: string; productId: string };
  if (!d.status || d.periodEndsAt === undefined || !d.memberEntitlements || !d.grantMode) return undefined;
  return {
    teamId: d.teamId,
    productId: d.productId,
    status: d.status,
    periodEndsAtMs: d.periodEndsAt === null ? null : Date.parse(d.periodEndsAt),
    memberEntitlements: d.memberEntitlements,
    grantMode: d.grantMode,
  };
}

/**
 * Consumes `teamseat.team-events.v1` (DESIGN §4.3-4.7): finds the users an event concerns and queues one
 * reconcile request per user, with the team's terms as a hint. Roster events name their user; status,
 * renewal, expiry and tier changes concern the whole roster, read from team-service (rosters are never put
 * in events).
 */
export function createTeamEventHandler(deps: {
  teams: TeamDirectory;
  producer: BatchingProducer;
  reconcileTopic: string;
  logger: Logger;
}) {
  const { teams, producer, reconcileTopic } = deps;

  async function concerned(event: TeamEvent): Promise<Concerned[]> {
    const roster = async () =>
      (await teams.rosterOf(event.data.teamId)).map((entry) => ({
        userId: entry.userId,
        holdsSeat: entry.holdsSeat,
      }));
    switch (event.type) {
      case T.MemberAdded:
        return [{ userId: event.data.userId, holdsSeat: event.data.holdsSeat }];
      case T.MemberRemoved:
        return [{ userId: event.data.userId, holdsSeat: false }];
      case T.OwnershipTransferred:
        return [{ userId: event.data.previousOwnerUserId }, { userId: event.data.ownerUserId }];
      case T.TeamProvisioned:
        return event.data.ownerTakesSeat ? [{ userId: event.data.ownerUserId, holdsSeat: true }] : [];
      case T.SeatLimitChanged: {
        // Removals by the shrink policy come as MemberRemoved events; the rest only matters when the
        // grant terms (entitlements, mode, or the product and with it the buffer) changed.
        const d = event.data;
        const termsChanged =
          d.productId !== d.previousProductId ||
          d.grantMode !== d.previousGrantMode ||
          !sameList(d.memberEntitlements, d.previousMemberEntitlements);
        return termsChanged ? roster() : [];
      }
      case T.TeamExpired:
      case T.TeamReactivated:
      case T.TeamStatusChanged:
        return roster();
      default:
        return [];
    }
  }

  return {
    async handle(raw: Buffer | null, log: Logger): Promise<TeamEventOutcome> {
      let event: TeamEvent;
      try {
        event = decodeTeamEvent(raw ?? Buffer.alloc(0));
      } catch (error) {
        // A newer team-service may publish types this version does not know: skip, do not dead-letter.
        if (error instanceof AppError && error.reason === 'UNKNOWN_EVENT_TYPE')
          return { skipped: error.message };
        throw error;
      }
      const users = [...new Map((await concerned(event)).map((c) => [c.userId, c])).values()];
      const terms = termsOf(event);
      const requests = users.map(
        ({ userId, holdsSeat }): ReconcileRequest => ({
          userId,
          cause: 'team-event',
          causationId: event.id,
          teamId: event.data.teamId,
          hint: terms && holdsSeat !== undefined ? { ...terms, holdsSeat } : undefined,
        }),
      );
      await producer.sendMany(
        reconcileTopic,
        requests.map((request) => ({ key: request.userId, value: encodeReconcileRequest(request) })),
      );
      log.debug(
        { eventId: event.id, type: event.type, teamId: event.data.teamId, users: users.length },
        'team event fanned out',
      );
      return { users: users.length, type: event.type };
    },
  };
}

import { AppError } from '@teamseat/errors';
import { TEAM_EVENT_TYPES as T, decodeTeamEvent, type TeamEvent } from '@teamseat/contracts';
import type { BatchingProducer } from '@teamseat/kafka';
import type { Logger } from '@teamseat/logger';
import type { TeamDirectory } from '../data-access/team-directory';
import { encodeReconcileRequest, type ReconcileRequest } from './reconcile-requests';

export type TeamEventOutcome = { users: number; type: string } | { skipped: string };

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i]);

/**
 * Consumes `teamseat.team-events.v1` (DESIGN §4.3-4.7): finds the users an event concerns and queues one
 * reconcile request per user. Roster events name their user; status, renewal, expiry and tier changes
 * concern the whole roster, read from team-service (rosters are never put in events).
 */
export function createTeamEventHandler(deps: {
  teams: TeamDirectory;
  producer: BatchingProducer;
  reconcileTopic: string;
  logger: Logger;
}) {
  const { teams, producer, reconcileTopic } = deps;

  async function usersOf(event: TeamEvent): Promise<string[]> {
    const roster = () => teams.membersOf(event.data.teamId);
    switch (event.type) {
      case T.MemberAdded:
      case T.MemberRemoved:
        return [event.data.userId];
      case T.OwnershipTransferred:
        return [event.data.previousOwnerUserId, event.data.ownerUserId];
      case T.TeamProvisioned:
        return event.data.ownerTakesSeat ? [event.data.ownerUserId] : [];
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
      const users = [...new Set(await usersOf(event))];
      const requests = users.map(
        (userId): ReconcileRequest => ({
          userId,
          cause: 'team-event',
          causationId: event.id,
          teamId: event.data.teamId,
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

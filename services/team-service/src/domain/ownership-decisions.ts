import { TEAM_EVENT_TYPES } from '@teamseat/contracts';
import { touched, unchanged, type Decision, type DecisionContext } from './decision';
import { requireOwner } from './permissions';
import { findMember, pendingInvites, seatsUsed, type Member, type Team } from './team';
import * as errors from './team-errors';
import { grantTerms, memberRemoved, teamRef, type PendingEvent } from './team-events';

export interface TransferCommand {
  newOwnerUserId: string;
  kind: 'owner-initiated' | 'store-transfer';
  /** What the previous owner becomes; null: they leave the team. */
  previousOwnerRole: 'admin' | 'member' | null;
  /** The owner for owner-initiated transfers; null for a store transfer (internal caller). */
  actor: string | null;
}

/**
 * TransferOwnership. Owner-initiated: only the management role moves, to a member; the subscription
 * stays with the subscriber. Store transfer (a RevenueCat TRANSFER moved the purchase): the subscriber
 * moves, and the owner with it when they were the same person. Repeating a store transfer changes nothing.
 */
export function decideTransferOwnership(
  team: Team,
  command: TransferCommand,
  ctx: DecisionContext,
): Decision<{ changed: boolean }> {
  const storeTransfer = command.kind === 'store-transfer';
  if (storeTransfer && team.subscriberUserId === command.newOwnerUserId) {
    return unchanged(team, { changed: false });
  }
  if (!storeTransfer) {
    requireOwner(team, command.actor ?? '');
    if (command.newOwnerUserId === team.ownerUserId) throw errors.alreadyOwner(command.newOwnerUserId);
    if (!findMember(team, command.newOwnerUserId)) throw errors.notAMember(command.newOwnerUserId);
  }
  const ownerMoves = !storeTransfer || team.ownerUserId === team.subscriberUserId;
  const previousOwner = team.ownerUserId;
  const subscriberUserId = storeTransfer ? command.newOwnerUserId : team.subscriberUserId;

  let next: Team = { ...team, subscriberUserId };
  let leaving: Member | undefined;
  if (ownerMoves && previousOwner !== command.newOwnerUserId) {
    const moved = moveOwner(next, command.newOwnerUserId, command.previousOwnerRole, ctx.now);
    next = moved.team;
    leaving = moved.leaving;
    const usedBefore = seatsUsed(team);
    const usedAfter = seatsUsed(next);
    if (usedAfter > usedBefore && usedAfter + pendingInvites(next).length > next.seatLimit) {
      throw errors.seatLimitReached(usedBefore + pendingInvites(team).length, team.seatLimit);
    }
  }
  next = touched(next, ctx.now, true);

  const events: PendingEvent[] = [
    {
      type: TEAM_EVENT_TYPES.OwnershipTransferred,
      data: {
        ...teamRef(next),
        ...grantTerms(next),
        previousOwnerUserId: previousOwner,
        subscriberUserId,
        kind: command.kind,
        previousOwnerRole: ownerMoves && !leaving ? command.previousOwnerRole : null,
      },
    },
  ];
  if (leaving) events.push(memberRemoved(next, leaving, 'ownership-transferred', command.actor));
  return { next, events, result: { changed: true } };
}

function moveOwner(
  team: Team,
  newOwner: string,
  previousOwnerRole: TransferCommand['previousOwnerRole'],
  now: Date,
): { team: Team; leaving?: Member } {
  const previous = findMember(team, team.ownerUserId);
  let members = team.members.filter((m) => m.userId !== team.ownerUserId);
  let leaving: Member | undefined;
  if (previous && previousOwnerRole !== null) {
    members.push({ ...previous, role: previousOwnerRole, holdsSeat: true });
  } else if (previous) {
    leaving = previous;
  }
  const existing = members.find((m) => m.userId === newOwner);
  const holdsSeat = team.ownerTakesSeat && team.status !== 'expired';
  const owner: Member = existing
    ? { ...existing, role: 'owner', holdsSeat }
    : { userId: newOwner, role: 'owner', addedAt: now, addedBy: 'system', holdsSeat, inviteId: null };
  members = [...members.filter((m) => m.userId !== newOwner), owner];
  return { team: { ...team, ownerUserId: newOwner, members }, leaving };
}

import { isAnonymousUserId, TEAM_EVENT_TYPES } from '@teamseat/contracts';
import type { Decision, DecisionContext } from './decision';
import { normalizePacks, seatLimitOf, type SeatPack } from './seat-sources';
import type { Team, TeamStatus, TeamTerms } from './team';
import { grantTerms, teamRef, type PendingEvent } from './team-events';

/** The subscription as entitlement-service derived it from RevenueCat (ApplySubscriptionState). */
export interface SubscriptionState extends Omit<TeamTerms, 'seatPacks'> {
  /** The subscriber's running seat packs for this team (absent: none); seatLimit is the plan's alone. */
  seatPacks?: SeatPack[] | undefined;
  subscriberUserId: string;
  managementEntitlement: string;
  /** The product's store subscription group (catalog; default: the management entitlement). */
  subscriptionGroup: string;
  status: TeamStatus;
  periodEndsAt: Date | null;
  /** The watermark: a state not newer than the last applied one changes nothing. */
  sourceEventAt: Date | null;
  /** How long an expiry keeps the roster as suspended members (catalog; 0 keeps none, ADR 0030). */
  rosterRetentionDays: number;
}

export function termsOf(state: SubscriptionState, expired: boolean): TeamTerms {
  return {
    productId: state.productId,
    // Seats go to 0 on expiry whatever the product and its packs say (ADR 0004, 0038).
    seatLimit: seatLimitOf(state.seatLimit, state.seatPacks ?? [], expired),
    seatPacks: expired ? [] : normalizePacks(state.seatPacks ?? []),
    memberEntitlements: [...state.memberEntitlements],
    grantMode: state.grantMode,
    shrinkPolicy: state.shrinkPolicy,
    ownerTakesSeat: state.ownerTakesSeat,
    adminChoiceGraceHours: state.adminChoiceGraceHours,
  };
}

/**
 * Whether a state of a subscriber without a team creates one: a running subscription of an identified
 * user. Teams are for identified users only (ADR 0030): an anonymous id's purchase waits for a TRANSFER
 * or alias to an identified id.
 */
export function mayProvisionTeam(state: SubscriptionState): boolean {
  return state.status !== 'expired' && !isAnonymousUserId(state.subscriberUserId);
}

/** A new team for the first ACTIVE or GRACE state of a subscriber: the subscriber owns it. */
export function provisionTeam(
  state: SubscriptionState,
  teamId: string,
  ctx: DecisionContext,
): Decision<{ changed: boolean; removedUserIds: string[] }> {
  const team: Team = {
    ...termsOf(state, false),
    teamId,
    ownerUserId: state.subscriberUserId,
    subscriberUserId: state.subscriberUserId,
    managementEntitlement: state.managementEntitlement,
    subscriptionGroup: state.subscriptionGroup,
    status: state.status,
    periodEndsAt: state.periodEndsAt,
    overAssignedUntil: null,
    subscriptionStateAt: state.sourceEventAt,
    rosterRetainedUntil: null,
    members: [
      {
        userId: state.subscriberUserId,
        role: 'owner',
        addedAt: ctx.now,
        addedBy: 'system',
        holdsSeat: state.ownerTakesSeat,
        inviteId: null,
      },
    ],
    invites: [],
    version: 1,
    termsVersion: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const event: PendingEvent = {
    type: TEAM_EVENT_TYPES.TeamProvisioned,
    data: {
      ...teamRef(team),
      ...grantTerms(team),
      subscriberUserId: team.subscriberUserId,
      managementEntitlement: team.managementEntitlement,
      shrinkPolicy: team.shrinkPolicy,
      ownerTakesSeat: team.ownerTakesSeat,
    },
  };
  return { next: team, events: [event], result: { changed: true, removedUserIds: [] } };
}

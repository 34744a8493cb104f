import { TEAM_EVENT_TYPES } from '@teamseat/contracts';
import { touched, unchanged, type Decision, type DecisionContext } from './decision';
import { expireOverdueInvites } from './invite-lifecycle';
import { fitToSeatLimit, shrinkEvents } from './seat-shrink';
import { samePacks } from './seat-sources';
import { rosterCleared, rosterKeptAt, rosterRetentionEnd, withoutMembers } from './roster-retention';
import { pendingInvites, seatsUsed, suspendedMembers, type Member, type Team, type TeamTerms } from './team';
import { grantTerms, teamRef, type PendingEvent } from './team-events';
import { termsOf, type SubscriptionState } from './team-provisioning';

export { mayProvisionTeam, provisionTeam, type SubscriptionState } from './team-provisioning';

export interface ApplyResult {
  changed: boolean;
  removedUserIds: string[];
}

const sameDate = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

function termsDiffer(a: TeamTerms, b: TeamTerms): boolean {
  return (
    a.productId !== b.productId ||
    a.seatLimit !== b.seatLimit ||
    !samePacks(a.seatPacks, b.seatPacks) ||
    !sameList(a.memberEntitlements, b.memberEntitlements) ||
    a.grantMode !== b.grantMode ||
    a.shrinkPolicy !== b.shrinkPolicy ||
    a.ownerTakesSeat !== b.ownerTakesSeat ||
    a.adminChoiceGraceHours !== b.adminChoiceGraceHours
  );
}

/**
 * Makes an existing team match the subscription. Level-triggered: the same state twice gives no events
 * the second time, and a state older than the watermark is ignored.
 */
export function decideApplySubscriptionState(
  team: Team,
  state: SubscriptionState,
  ctx: DecisionContext,
): Decision<ApplyResult> {
  const stale =
    state.sourceEventAt !== null &&
    team.subscriptionStateAt !== null &&
    state.sourceEventAt.getTime() <= team.subscriptionStateAt.getTime();
  if (stale) return unchanged(team, { changed: false, removedUserIds: [] });

  const expiredInvites = expireOverdueInvites(team, ctx.now);
  const before = expiredInvites.team;
  const expiring = before.status !== 'expired' && state.status === 'expired';
  const reactivating = before.status === 'expired' && state.status !== 'expired';
  const terms = termsOf(state, state.status === 'expired');
  const statusChanged = before.status !== state.status || !sameDate(before.periodEndsAt, state.periodEndsAt);
  const termsChanged = termsDiffer(before, terms);

  let next: Team = { ...before, ...terms, status: state.status, periodEndsAt: state.periodEndsAt };
  let removed: Array<{ member: Member }> = [];
  let revoked: Team['invites'] = [];
  let cleared: Member[] = [];
  let restored = 0;
  if (state.status === 'expired') {
    // Access ends and pending invites are withdrawn; the roster stays suspended while the product's
    // retention lasts (ADR 0030), otherwise everyone but the owner leaves. The team and its history stay.
    const retainedUntil = expiring ? rosterRetentionEnd(state, ctx.now) : before.rosterRetainedUntil;
    const kept = (m: Member) => m.role === 'owner' || retainedUntil !== null;
    removed = next.members.filter((m) => !kept(m)).map((member) => ({ member }));
    revoked = pendingInvites(next).map((invite) => ({ ...invite, status: 'revoked', endedAt: ctx.now }));
    const revokedIds = new Set(revoked.map((invite) => invite.inviteId));
    next = {
      ...next,
      members: next.members.filter(kept).map((m) => (m.role === 'owner' ? { ...m, holdsSeat: false } : m)),
      invites: next.invites.map((i) =>
        revokedIds.has(i.inviteId) ? { ...i, status: 'revoked', endedAt: ctx.now } : i,
      ),
      overAssignedUntil: null,
      rosterRetainedUntil: retainedUntil,
    };
  } else {
    if (reactivating) {
      // Back within the retention: the suspended members are members again, with nobody acting.
      // Back after it (the sweeper had not cleared them yet): they leave first.
      if (rosterKeptAt(before, state.sourceEventAt ?? ctx.now)) restored = suspendedMembers(before).length;
      else cleared = suspendedMembers(before);
      next = { ...withoutMembers(next, cleared), rosterRetainedUntil: null };
    }
    next = {
      ...next,
      members: next.members.map((m) => (m.role === 'owner' ? { ...m, holdsSeat: next.ownerTakesSeat } : m)),
    };
    const shrink = fitToSeatLimit(next, ctx.now);
    next = shrink.team;
    removed = shrink.removals;
    revoked = shrink.revokedInvites;
  }

  const changedAnything =
    expiredInvites.events.length > 0 ||
    statusChanged ||
    termsChanged ||
    removed.length > 0 ||
    cleared.length > 0 ||
    revoked.length > 0;
  const watermark = state.sourceEventAt ?? before.subscriptionStateAt;
  if (!changedAnything) {
    return unchanged({ ...team, subscriptionStateAt: watermark }, { changed: false, removedUserIds: [] });
  }
  next = touched({ ...next, subscriptionStateAt: watermark }, ctx.now, statusChanged || termsChanged);

  const events: PendingEvent[] = [...expiredInvites.events];
  const previousStatus = before.status;
  const memberCount = next.members.length;
  if (expiring) {
    // One event for the whole roster: per-member removals would put an event per member in the team
    // document (25,000 members: over 16 MB). Each removed user gets a grant-terms fact instead (ADR 0016).
    events.push({
      type: TEAM_EVENT_TYPES.TeamExpired,
      data: {
        ...teamRef(next),
        ...grantTerms(next),
        previousStatus,
        memberCount,
        removedUserCount: removed.length,
        suspendedUserCount: suspendedMembers(next).length,
        rosterRetainedUntil: next.rosterRetainedUntil?.toISOString() ?? null,
      },
    });
  } else if (reactivating) {
    if (cleared.length > 0) events.push(rosterCleared(next, cleared, before.rosterRetainedUntil));
    events.push({
      type: TEAM_EVENT_TYPES.TeamReactivated,
      data: {
        ...teamRef(next),
        ...grantTerms(next),
        previousStatus,
        memberCount,
        restoredUserCount: restored,
      },
    });
  } else if (statusChanged) {
    events.push({
      type: TEAM_EVENT_TYPES.TeamStatusChanged,
      data: {
        ...teamRef(next),
        ...grantTerms(next),
        previousStatus,
        previousPeriodEndsAt: before.periodEndsAt?.toISOString() ?? null,
      },
    });
  }
  if (termsChanged && !expiring && !reactivating) {
    events.push({
      type: TEAM_EVENT_TYPES.SeatLimitChanged,
      data: {
        ...teamRef(next),
        ...grantTerms(next),
        previousSeatLimit: before.seatLimit,
        previousProductId: before.productId,
        previousMemberEntitlements: [...before.memberEntitlements],
        previousGrantMode: before.grantMode,
        seatsUsed: seatsUsed(next),
        overAssignedUntil: next.overAssignedUntil?.toISOString() ?? null,
        shrinkPolicy: next.shrinkPolicy,
        ownerTakesSeat: next.ownerTakesSeat,
      },
    });
  }
  if (state.status === 'expired') {
    events.push(...shrinkEvents(next, { removals: [], revokedInvites: revoked }, 'team-expired'));
  } else {
    events.push(...shrinkEvents(next, { removals: removed, revokedInvites: revoked }, 'seat-limit-reduced'));
  }
  return {
    next,
    events,
    result: {
      changed: true,
      removedUserIds: [...cleared, ...removed.map(({ member }) => member)].map((member) => member.userId),
    },
  };
}

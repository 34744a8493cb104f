import { expect } from 'chai';
import fc from 'fast-check';
import { decideDeadlines } from '../../src/domain/deadline-decisions';
import { decideInvite } from '../../src/domain/invite-decisions';
import { grantScopeOf, memberGrantOf } from '../../src/domain/member-grants';
import { decideAddMember } from '../../src/domain/roster-decisions';
import { decideApplySubscriptionState } from '../../src/domain/subscription-decisions';
import { nextDeadline, pendingInvites, seatsAvailable, seatsUsed, type Team } from '../../src/domain/team';
import { context, HOUR, state, T0, team } from '../support/domain-fixtures';

const DAY = 24 * HOUR;
const at = (ms: number) => new Date(T0.getTime() + ms);
const types = (events: Array<{ type: string }>) =>
  events.map((e) => e.type.replace(/^teamseat\.team\.|\.v1$/g, ''));
const PERIOD_END = at(30 * DAY);
const RETAINED_UNTIL = at(40 * DAY);

/** A team of a product keeping rosters 10 days, with members a and b and a pending invite. */
function teamWithInvite(): Team {
  const current = team({ rosterRetentionDays: 10 }, ['a', 'b']);
  const invite = { email: 'x@example.com', ttlHours: 720, actor: 'owner' };
  return decideInvite(current, invite, context(at(20 * DAY))).next;
}

/** The team expired at its period end, learned a day later. */
function expire(current: Team) {
  const expired = state({ status: 'expired', seatLimit: 0, rosterRetentionDays: 10 });
  return decideApplySubscriptionState(
    current,
    { ...expired, periodEndsAt: PERIOD_END, sourceEventAt: at(31 * DAY) },
    context(at(31 * DAY)),
  );
}

/** The subscription back (a renewal, a purchase, REFUND_REVERSED...) at `when`. */
function comeBack(current: Team, when: Date, overrides: Parameters<typeof state>[0] = {}) {
  const back = state({ rosterRetentionDays: 10, periodEndsAt: at(when.getTime() - T0.getTime() + 30 * DAY) });
  return decideApplySubscriptionState(current, { ...back, sourceEventAt: when, ...overrides }, context(when));
}

describe('roster retention after a lapse (ADR 0030)', () => {
  it('when a team with a roster retention expires, then its members stay suspended: no access, no seats, invites revoked', () => {
    const expired = expire(teamWithInvite());
    expect(types(expired.events)).to.deep.equal(['TeamExpired', 'InviteRevoked']);
    expect(expired.result.removedUserIds).to.deep.equal([]);
    expect(expired.next.members.map((m) => m.userId)).to.deep.equal(['owner', 'a', 'b']);
    expect(expired.next.rosterRetainedUntil).to.deep.equal(RETAINED_UNTIL);
    expect(seatsUsed(expired.next)).to.equal(0);
    expect(seatsAvailable(expired.next)).to.equal(0);
    expect(pendingInvites(expired.next)).to.deep.equal([]);
    expect(memberGrantOf(expired.next, 'a')).to.deep.equal({ kind: 'none' });
    expect(grantScopeOf(teamWithInvite(), expired.next).roster).to.equal(true);
    expect(nextDeadline(expired.next)).to.deep.equal(RETAINED_UNTIL);
    expect(expired.events[0]!.data).to.include({ suspendedUserCount: 2, removedUserCount: 0 });
  });

  it('when the subscription comes back within the retention, then the members are restored and granted again', () => {
    const expired = expire(teamWithInvite()).next;
    const back = comeBack(expired, at(39 * DAY));
    expect(types(back.events)).to.deep.equal(['TeamReactivated']);
    expect(back.events[0]!.data).to.include({ restoredUserCount: 2 });
    expect(back.next.members.map((m) => m.userId)).to.deep.equal(['owner', 'a', 'b']);
    expect(back.next.rosterRetainedUntil).to.equal(null);
    expect(seatsUsed(back.next)).to.equal(2);
    expect(memberGrantOf(back.next, 'b')).to.deep.equal({
      kind: 'until',
      until: back.next.periodEndsAt!.toISOString(),
    });
    // Every member's grant-terms fact is published again: that is what grants them, nobody acting.
    expect(grantScopeOf(expired, back.next).roster).to.equal(true);
  });

  it('when it comes back within the retention on a smaller tier, then the shrink policy applies to the restored roster', () => {
    const expired = expire(team({ rosterRetentionDays: 10, shrinkPolicy: 'remove-last-joined' }, ['a', 'b']));
    const back = comeBack(expired.next, at(32 * DAY), { seatLimit: 1, shrinkPolicy: 'remove-last-joined' });
    expect(back.result.removedUserIds).to.deep.equal(['b']);
    expect(back.next.members.map((m) => m.userId)).to.deep.equal(['owner', 'a']);
  });

  it('when the retention ends, then the deadline sweep clears the suspended members and the owner stays', () => {
    const expired = expire(teamWithInvite()).next;
    expect(decideDeadlines(expired, context(at(39 * DAY))).events).to.deep.equal([]);
    const cleared = decideDeadlines(expired, context(RETAINED_UNTIL));
    expect(types(cleared.events)).to.deep.equal(['RosterCleared']);
    expect(cleared.result.removedUserIds).to.deep.equal(['a', 'b']);
    expect(cleared.next.members.map((m) => m.userId)).to.deep.equal(['owner']);
    expect(cleared.next.rosterRetainedUntil).to.equal(null);
    expect(nextDeadline(cleared.next)).to.equal(null);
    expect(decideDeadlines(cleared.next, context(at(50 * DAY))).events).to.deep.equal([]);
  });

  it('when the subscription comes back after the retention before any sweep, then the roster is cleared, not restored', () => {
    const expired = expire(teamWithInvite()).next;
    const back = comeBack(expired, at(41 * DAY));
    expect(types(back.events)).to.deep.equal(['RosterCleared', 'TeamReactivated']);
    expect(back.result.removedUserIds).to.deep.equal(['a', 'b']);
    expect(back.next.members.map((m) => m.userId)).to.deep.equal(['owner']);
    expect(memberGrantOf(back.next, 'a')).to.deep.equal({ kind: 'none' });
  });

  it('when the product keeps no roster (0 days) or the expiry is learned after the retention, then members leave at expiry as before', () => {
    const none = decideApplySubscriptionState(
      team({}, ['a']),
      state({ status: 'expired', seatLimit: 0, sourceEventAt: at(1) }),
      context(),
    );
    expect(none.result.removedUserIds).to.deep.equal(['a']);
    expect(none.next.rosterRetainedUntil).to.equal(null);
    const late = decideApplySubscriptionState(
      team({ rosterRetentionDays: 10 }, ['a']),
      state({
        status: 'expired',
        seatLimit: 0,
        rosterRetentionDays: 10,
        periodEndsAt: PERIOD_END,
        sourceEventAt: at(45 * DAY),
      }),
      context(at(45 * DAY)),
    );
    expect(late.result.removedUserIds).to.deep.equal(['a']);
  });

  it('while suspended, then nobody can be added and the same expired state again changes nothing', () => {
    const expired = expire(teamWithInvite()).next;
    expect(() => decideAddMember(expired, { userId: 'c', actor: 'owner' }, context())).to.throw(/expired/);
    const again = decideApplySubscriptionState(
      expired,
      { ...state({ status: 'expired', seatLimit: 0, rosterRetentionDays: 10 }), sourceEventAt: at(33 * DAY) },
      context(at(33 * DAY)),
    );
    expect(again.events).to.deep.equal([]);
    expect(again.next.rosterRetainedUntil).to.deep.equal(RETAINED_UNTIL);
  });

  it('when any lapse and comeback happen, then members are back exactly when the comeback is within the retention', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 31, max: 60 }), (days, backDay) => {
        const current = team({ rosterRetentionDays: days }, ['a']);
        const expired = decideApplySubscriptionState(
          current,
          {
            ...state({ status: 'expired', seatLimit: 0, rosterRetentionDays: days }),
            periodEndsAt: PERIOD_END,
            sourceEventAt: PERIOD_END,
          },
          context(at(30 * DAY)),
        );
        const back = comeBack(expired.next, at(backDay * DAY));
        const within = days > 0 && backDay * DAY <= (30 + days) * DAY;
        expect(back.next.members.some((m) => m.userId === 'a')).to.equal(within);
        expect(seatsUsed(back.next)).to.equal(within ? 1 : 0);
      }),
    );
  });
});

import { expect } from 'chai';
import fc from 'fast-check';
import { decideDeadlines } from '../../src/domain/deadline-decisions';
import { decideInvite } from '../../src/domain/invite-decisions';
import { decideTransferOwnership } from '../../src/domain/ownership-decisions';
import {
  decideApplySubscriptionState,
  type SubscriptionState,
} from '../../src/domain/subscription-decisions';
import { pendingInvites, seatsUsed, type Team } from '../../src/domain/team';
import { context, HOUR, state, T0, team } from '../support/domain-fixtures';

const later = (ms: number) => new Date(T0.getTime() + ms);
const types = (events: Array<{ type: string }>) =>
  events.map((e) => e.type.replace(/^teamseat\.team\.|\.v1$/g, ''));

describe('subscription state decisions', () => {
  it('when the same state is applied again with a later source time, then nothing changes but the watermark', () => {
    const current = team();
    const decision = decideApplySubscriptionState(current, state({ sourceEventAt: later(1_000) }), context());
    expect(decision.events).to.deep.equal([]);
    expect(decision.next.subscriptionStateAt).to.deep.equal(later(1_000));
    expect(decision.next.version).to.equal(current.version);
  });

  it('when a state is not newer than the watermark, then it is ignored even if it differs', () => {
    const decision = decideApplySubscriptionState(
      team(),
      state({ seatLimit: 1, sourceEventAt: T0 }),
      context(),
    );
    expect(decision.result.changed).to.equal(false);
    expect(decision.next.seatLimit).to.equal(5);
  });

  it('when the limit drops under remove-last-joined, then invites go first, then the newest members, never the owner', () => {
    let current = team({ shrinkPolicy: 'remove-last-joined', ownerTakesSeat: true }, ['a', 'b', 'c']);
    current = decideInvite(current, { email: 'x@example.com', ttlHours: 24, actor: 'owner' }, context()).next;
    const decision = decideApplySubscriptionState(
      current,
      state({
        seatLimit: 2,
        shrinkPolicy: 'remove-last-joined',
        ownerTakesSeat: true,
        sourceEventAt: later(1),
      }),
      context(),
    );
    expect(types(decision.events)).to.deep.equal([
      'SeatLimitChanged',
      'InviteRevoked',
      'MemberRemoved',
      'MemberRemoved',
    ]);
    expect(decision.result.removedUserIds).to.deep.equal(['c', 'b']);
    expect(decision.next.members.map((m) => m.userId)).to.deep.equal(['owner', 'a']);
  });

  it('when the over-assignment deadline passes under admin-choice, then the deadline sweep removes the last joined', () => {
    const current = team({ shrinkPolicy: 'admin-choice', adminChoiceGraceHours: 10 }, ['a', 'b', 'c']);
    const shrunk = decideApplySubscriptionState(
      current,
      state({
        seatLimit: 1,
        shrinkPolicy: 'admin-choice',
        adminChoiceGraceHours: 10,
        sourceEventAt: later(1),
      }),
      context(),
    ).next;
    expect(shrunk.overAssignedUntil).to.deep.equal(later(10 * HOUR));
    expect(decideDeadlines(shrunk, context(later(9 * HOUR))).events).to.deep.equal([]);
    const swept = decideDeadlines(shrunk, context(later(10 * HOUR)));
    expect(swept.result.removedUserIds).to.deep.equal(['c', 'b']);
    expect(swept.next.overAssignedUntil).to.equal(null);
  });

  it('when a team expires and comes back, then members leave, seats are 0, and reactivation restores the owner seat', () => {
    const current = team({ ownerTakesSeat: true }, ['a', 'b']);
    const expired = decideApplySubscriptionState(
      current,
      state({ status: 'expired', seatLimit: 0, ownerTakesSeat: true, sourceEventAt: later(1) }),
      context(),
    );
    // One event for the roster, not one per member (ADR 0016); the removed users get grant facts.
    expect(types(expired.events)).to.deep.equal(['TeamExpired']);
    expect(expired.result.removedUserIds).to.deep.equal(['a', 'b']);
    expect(expired.next).to.include({ seatLimit: 0, status: 'expired' });
    expect(seatsUsed(expired.next)).to.equal(0);
    const back = decideApplySubscriptionState(
      expired.next,
      state({ ownerTakesSeat: true, sourceEventAt: later(2) }),
      context(),
    );
    expect(types(back.events)).to.deep.equal(['TeamReactivated']);
    expect(seatsUsed(back.next)).to.equal(1);
  });

  it('when a store transfer moves the purchase, then subscriber and owner move, and a repeat changes nothing', () => {
    const current = team({}, ['a']);
    const moved = decideTransferOwnership(
      current,
      { newOwnerUserId: 'new', kind: 'store-transfer', previousOwnerRole: null, actor: null },
      context(),
    );
    expect(moved.next).to.include({ ownerUserId: 'new', subscriberUserId: 'new' });
    expect(moved.next.members.map((m) => [m.userId, m.role])).to.deep.equal([
      ['a', 'member'],
      ['new', 'owner'],
    ]);
    const again = decideTransferOwnership(
      moved.next,
      { newOwnerUserId: 'new', kind: 'store-transfer', previousOwnerRole: null, actor: null },
      context(),
    );
    expect(again.events).to.deep.equal([]);
  });

  it('when any sequence of subscription states is applied, then the team fits its limit as its policy promises', () => {
    const policy = fc.constantFrom('block' as const, 'remove-last-joined' as const, 'admin-choice' as const);
    const next = fc.record({
      status: fc.constantFrom('active' as const, 'grace' as const, 'expired' as const),
      seatLimit: fc.integer({ min: 1, max: 6 }),
      ownerTakesSeat: fc.boolean(),
    });
    fc.assert(
      fc.property(
        policy,
        fc.integer({ min: 0, max: 6 }),
        fc.array(next, { minLength: 1, maxLength: 8 }),
        (shrinkPolicy, size, states) => {
          const members = Array.from({ length: size }, (_, i) => `m${i}`);
          let current: Team = team({ shrinkPolicy, seatLimit: 6 }, members);
          states.forEach((s, i) => {
            const applied: SubscriptionState = state({
              ...s,
              shrinkPolicy,
              seatLimit: s.status === 'expired' ? 0 : s.seatLimit,
              sourceEventAt: later(i + 1),
            });
            const before = current;
            const decision = decideApplySubscriptionState(current, applied, context(later(i + 1)));
            current = decision.next;
            expect(current.version).to.equal(before.version + (decision.events.length > 0 ? 1 : 0));
            expect(current.members.filter((m) => m.role === 'owner')).to.have.length(1);
            if (current.status === 'expired') {
              expect(current.members).to.have.length(1);
              expect(pendingInvites(current)).to.deep.equal([]);
              return;
            }
            const used = seatsUsed(current);
            if (shrinkPolicy === 'remove-last-joined')
              expect(used).to.be.at.most(Math.max(current.seatLimit, 1));
            if (shrinkPolicy === 'block') expect(decision.result.removedUserIds).to.deep.equal([]);
            if (shrinkPolicy === 'admin-choice') {
              expect(decision.result.removedUserIds).to.deep.equal([]);
              expect(current.overAssignedUntil !== null).to.equal(used > current.seatLimit);
            }
            // Applying the same state again (a duplicate webhook) changes nothing.
            const repeat = decideApplySubscriptionState(
              current,
              { ...applied, sourceEventAt: later(i + 1.5) },
              context(later(i + 1)),
            );
            expect(repeat.events).to.deep.equal([]);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { expect } from 'chai';
import fc from 'fast-check';
import { grantScopeOf, memberGrantOf } from '../../src/domain/member-grants';
import { decideAddMember } from '../../src/domain/roster-decisions';
import { seatSourcesOf } from '../../src/domain/seat-sources';
import { decideApplySubscriptionState } from '../../src/domain/subscription-decisions';
import { seatsAvailable, seatsUsed, type Team } from '../../src/domain/team';
import { context, HOUR, state, T0, team } from '../support/domain-fixtures';

const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const types = (events: Array<{ type: string }>) =>
  events.map((e) => e.type.replace(/^teamseat\.team\.|\.v1$/g, ''));
const PACK = { productId: 'seats-2', seats: 2 };

/** The team's next subscription state at `hours`, with the given packs running. */
function apply(current: Team, hours: number, overrides: Parameters<typeof state>[0] = {}) {
  return decideApplySubscriptionState(
    current,
    state({ sourceEventAt: at(hours), ...overrides }),
    context(at(hours)),
  );
}

/** A team of 3 plan seats and a 2-seat pack, full with members a..e (joined in that order). */
function fullTeamWithPack(shrinkPolicy: 'block' | 'remove-last-joined' | 'admin-choice') {
  const base = team({ seatLimit: 3, shrinkPolicy }, ['a', 'b', 'c']);
  let current = apply(base, 1, { seatLimit: 3, shrinkPolicy, seatPacks: [PACK] }).next;
  for (const [i, userId] of ['d', 'e'].entries()) {
    current = decideAddMember(current, { userId, actor: 'owner' }, context(at(2 + i))).next;
  }
  return current;
}

describe('seat packs (ADR 0038)', () => {
  it('when a running pack comes with the state, then the seat limit is the plan plus the pack, and the sources show both', () => {
    const grown = apply(team({ seatLimit: 3 }), 1, { seatLimit: 3, seatPacks: [PACK] });
    expect(grown.next.seatLimit).to.equal(5);
    expect(types(grown.events)).to.deep.equal(['SeatLimitChanged']);
    expect(seatSourcesOf(grown.next)).to.deep.equal([
      { kind: 'plan', productId: 'team-pro', seats: 3 },
      { kind: 'pack', productId: 'seats-2', seats: 2 },
    ]);
  });

  it('when the seat limit is derived from any plan and packs, then it is their sum while running and 0 once expired, and the same packs in any order read the same', () => {
    const packs = fc.uniqueArray(
      fc.record({
        productId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
        seats: fc.integer({ min: 1, max: 20 }),
      }),
      { selector: (p) => p.productId, maxLength: 4 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), packs, fc.boolean(), (plan, seatPacks, expired) => {
        const status = expired ? 'expired' : 'active';
        const one = apply(team({ seatLimit: plan }), 1, { seatLimit: plan, seatPacks, status }).next;
        const reversed = apply(team({ seatLimit: plan }), 1, {
          seatLimit: plan,
          seatPacks: [...seatPacks].reverse(),
          status,
        }).next;
        const sum = plan + seatPacks.reduce((total, pack) => total + pack.seats, 0);
        expect(one.seatLimit).to.equal(expired ? 0 : sum);
        expect(one.seatPacks).to.deep.equal(reversed.seatPacks);
        const sources = seatSourcesOf(one);
        expect(sources.reduce((total, source) => total + source.seats, 0)).to.equal(one.seatLimit);
        expect(sources.length).to.equal(expired ? 0 : seatPacks.length + 1);
      }),
    );
  });

  it('when the same packs come again, then nothing changes', () => {
    const grown = apply(team({ seatLimit: 3 }), 1, { seatLimit: 3, seatPacks: [PACK] }).next;
    const again = apply(grown, 2, { seatLimit: 3, seatPacks: [PACK] });
    expect(again.result.changed).to.equal(false);
    expect(again.events).to.deep.equal([]);
  });

  it('when the pack lapses under remove-last-joined, then its seats go and the last joined leave', () => {
    const full = fullTeamWithPack('remove-last-joined');
    expect(seatsUsed(full)).to.equal(5);
    const lapsed = apply(full, 10, { seatLimit: 3, shrinkPolicy: 'remove-last-joined' });
    expect(lapsed.next.seatLimit).to.equal(3);
    expect(lapsed.next.seatPacks).to.deep.equal([]);
    expect(lapsed.result.removedUserIds).to.deep.equal(['e', 'd']);
    expect(lapsed.next.members.map((m) => m.userId)).to.deep.equal(['owner', 'a', 'b', 'c']);
    expect(types(lapsed.events)).to.deep.equal(['SeatLimitChanged', 'MemberRemoved', 'MemberRemoved']);
    expect(memberGrantOf(lapsed.next, 'e')).to.deep.equal({ kind: 'none' });
    const scope = grantScopeOf(full, lapsed.next);
    expect(scope.roster || ['d', 'e'].every((userId) => scope.userIds.includes(userId))).to.equal(true);
  });

  it('when the pack lapses under admin-choice, then the team is over-assigned until the deadline and nobody leaves yet', () => {
    const full = fullTeamWithPack('admin-choice');
    const lapsed = apply(full, 10, { seatLimit: 3, shrinkPolicy: 'admin-choice' });
    expect(lapsed.result.removedUserIds).to.deep.equal([]);
    expect(seatsAvailable(lapsed.next)).to.equal(-2);
    expect(lapsed.next.overAssignedUntil).to.deep.equal(at(10 + 72));
  });

  it('when the pack lapses under block, then everyone stays and adds are refused until seats free up', () => {
    const full = fullTeamWithPack('block');
    const lapsed = apply(full, 10, { seatLimit: 3, shrinkPolicy: 'block' }).next;
    expect(lapsed.members).to.have.length(6);
    expect(() => decideAddMember(lapsed, { userId: 'f', actor: 'owner' }, context(at(11)))).to.throw(/seat/i);
  });

  it('when the team expires with a pack still running, then the pack adds nothing, and it counts again when the team comes back', () => {
    const grown = apply(team({ seatLimit: 3 }), 1, { seatLimit: 3, seatPacks: [PACK] }).next;
    const expired = apply(grown, 2, { status: 'expired', seatLimit: 0, seatPacks: [PACK] }).next;
    expect(expired.seatLimit).to.equal(0);
    expect(seatSourcesOf(expired)).to.deep.equal([]);
    const back = apply(expired, 3, { seatLimit: 3, seatPacks: [PACK] }).next;
    expect(back.seatLimit).to.equal(5);
  });
});

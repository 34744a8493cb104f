import { expect } from 'chai';
import fc from 'fast-check';
import { memberIn, seatHolders, withMember } from '../../src/domain/roster-index';
import type { Member } from '../../src/domain/team';

const member = (userId: string, holdsSeat = true): Member => ({
  userId,
  role: 'member',
  addedAt: new Date(0),
  addedBy: 'owner',
  holdsSeat,
  inviteId: null,
});

describe('roster index (unit)', () => {
  it('when rosters branch, join, lose members and are copied in any order, then every look-up and seat count equals a scan', () => {
    const userId = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    const step = fc.oneof(
      fc.record({ kind: fc.constant('join' as const), from: fc.nat(), userId, seat: fc.boolean() }),
      fc.record({ kind: fc.constant('remove' as const), from: fc.nat(), userId }),
      fc.record({ kind: fc.constant('copy' as const), from: fc.nat() }),
    );
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (steps, probes) => {
          // Every roster made so far: a step works on any of them, so lines branch as a failed decision's would.
          const rosters: Member[][] = [[]];
          for (const s of steps) {
            const from = rosters[s.from % rosters.length]!;
            // A roster holds each user once (the decisions refuse a second join): such a join copies instead.
            const joins = s.kind === 'join' && !from.some((m) => m.userId === s.userId);
            if (s.kind === 'join' && joins) rosters.push(withMember(from, member(s.userId, s.seat)));
            else if (s.kind === 'join') rosters.push([...from]);
            else if (s.kind === 'remove') rosters.push(from.filter((m) => m.userId !== s.userId));
            else rosters.push([...from]);
            // Look-ups in between, so indexes are built while the lines still grow.
            const probe = rosters[probes[rosters.length % Math.max(1, probes.length)] ?? 0 % rosters.length];
            if (probe) memberIn(probe, s.kind === 'copy' ? 'a' : s.userId);
          }
          for (const roster of rosters) {
            for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'z']) {
              expect(memberIn(roster, id)).to.equal(roster.find((m) => m.userId === id));
            }
            expect(seatHolders(roster)).to.equal(roster.filter((m) => m.holdsSeat).length);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('when 5,000 members join one by one, then each look-up is found by index', () => {
    let roster: Member[] = [];
    for (let i = 0; i < 5_000; i++) {
      const userId = `user-${i}`;
      expect(memberIn(roster, userId)).to.equal(undefined);
      roster = withMember(roster, member(userId));
    }
    expect(memberIn(roster, 'user-1234')?.userId).to.equal('user-1234');
    expect(seatHolders(roster)).to.equal(5_000);
  });
});

import { expect } from 'chai';
import fc from 'fast-check';
import { grantScopeOf, memberGrantOf, usersInScope } from '../../src/domain/member-grants';
import { decideApplySubscriptionState } from '../../src/domain/subscription-decisions';
import type { Team } from '../../src/domain/team';
import { context, HOUR, state, T0, team } from '../support/domain-fixtures';

const later = (ms: number) => new Date(T0.getTime() + ms);

describe('member grants (what a seat gives, and whom a change concerns)', () => {
  it('when a member holds a seat, then the grant runs until the period end, for life in lifetime mode, and is none once expired', () => {
    const current = team({}, ['a']);
    expect(memberGrantOf(current, 'a')).to.deep.equal({
      kind: 'until',
      until: current.periodEndsAt!.toISOString(),
    });
    expect(memberGrantOf({ ...current, grantMode: 'lifetime' }, 'a')).to.deep.equal({ kind: 'lifetime' });
    expect(memberGrantOf({ ...current, periodEndsAt: null }, 'a')).to.deep.equal({ kind: 'lifetime' });
    expect(memberGrantOf({ ...current, status: 'expired' }, 'a')).to.deep.equal({ kind: 'none' });
    expect(memberGrantOf(current, 'owner'), 'owner without a seat').to.deep.equal({ kind: 'none' });
    expect(memberGrantOf(current, 'stranger')).to.deep.equal({ kind: 'none' });
  });

  it('when a member joins or leaves, then only that user is concerned; when the period moves, the whole roster is', () => {
    const before = team({}, ['a']);
    const joined: Team = { ...before, members: [...team({}, ['a', 'b']).members] };
    expect(grantScopeOf(before, joined)).to.deep.equal({ roster: false, userIds: ['b'] });
    expect(grantScopeOf(joined, before)).to.deep.equal({ roster: false, userIds: ['b'] });
    const renewed = { ...before, periodEndsAt: later(60 * 24 * HOUR) };
    expect(grantScopeOf(before, renewed)).to.deep.equal({ roster: true, userIds: [] });
    expect(grantScopeOf(null, before).roster, 'a new team').to.equal(true);
  });

  it('when a team expires, then the scope names the roster that left, so each gets a none fact', () => {
    const before = team({}, ['a', 'b']);
    const expired = decideApplySubscriptionState(
      before,
      state({ status: 'expired', seatLimit: 0, sourceEventAt: later(1) }),
      context(),
    ).next;
    const scope = grantScopeOf(before, expired);
    expect(usersInScope(expired, [scope]).sort()).to.deep.equal(['a', 'b', 'owner']);
    for (const userId of ['a', 'b']) expect(memberGrantOf(expired, userId)).to.deep.equal({ kind: 'none' });
  });

  it('when any two states are compared, then every user whose grant differs is in the scope', () => {
    const users = ['a', 'b', 'c', 'd'];
    const arbitraryTeam = fc
      .record({
        seated: fc.subarray(users),
        unseated: fc.subarray(users),
        status: fc.constantFrom('active' as const, 'grace' as const, 'expired' as const),
        days: fc.integer({ min: 1, max: 60 }),
        grantMode: fc.constantFrom('period' as const, 'lifetime' as const),
      })
      .map(({ seated, unseated, status, days, grantMode }): Team => {
        const base = team({}, []);
        const member = (userId: string, holdsSeat: boolean) => ({
          ...base.members[0]!,
          userId,
          role: 'member' as const,
          holdsSeat,
        });
        const seatedSet = new Set(seated);
        return {
          ...base,
          status,
          grantMode,
          periodEndsAt: later(days * 24 * HOUR),
          members: [
            ...base.members,
            ...seated.map((u) => member(u, true)),
            ...unseated.filter((u) => !seatedSet.has(u)).map((u) => member(u, false)),
          ],
        };
      });
    fc.assert(
      fc.property(arbitraryTeam, arbitraryTeam, (before, after) => {
        const concerned = new Set(usersInScope(after, [grantScopeOf(before, after)]));
        for (const userId of [...users, 'owner']) {
          const differs =
            JSON.stringify(memberGrantOf(before, userId)) !== JSON.stringify(memberGrantOf(after, userId));
          if (differs)
            expect(concerned.has(userId), `${userId} changed but is not in the scope`).to.equal(true);
        }
      }),
    );
  });
});

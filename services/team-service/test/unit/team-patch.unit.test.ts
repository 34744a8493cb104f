import { expect } from 'chai';
import fc from 'fast-check';
import { applyPatch, onlyAppends, patchOf } from '../../src/domain/team-patch';
import type { Invite, Member, Team } from '../../src/domain/team';
import { T0, team } from '../support/domain-fixtures';

const userId = fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5', 'u6');
const date = fc.integer({ min: 0, max: 1_000 }).map((ms) => new Date(T0.getTime() + ms));
const member: fc.Arbitrary<Member> = fc.record({
  userId,
  role: fc.constantFrom('admin' as const, 'member' as const),
  addedAt: date,
  addedBy: fc.constantFrom('owner', 'system'),
  holdsSeat: fc.boolean(),
  inviteId: fc.option(fc.constantFrom('i1', 'i2'), { nil: null }),
});
const invite: fc.Arbitrary<Invite> = fc.record({
  inviteId: fc.constantFrom('i1', 'i2', 'i3', 'i4'),
  email: fc.constantFrom('a@x.io', 'b@x.io'),
  status: fc.constantFrom('pending' as const, 'accepted' as const, 'revoked' as const, 'expired' as const),
  tokenHash: fc.constantFrom('h1', 'h2'),
  expiresAt: date,
  createdBy: fc.constant('owner'),
  createdAt: date,
  acceptedBy: fc.option(userId, { nil: null }),
  acceptedAt: fc.option(date, { nil: null }),
  endedAt: fc.option(date, { nil: null }),
});
const unique = <T>(entries: fc.Arbitrary<T>, key: (entry: T) => string) =>
  fc.uniqueArray(entries, { selector: key, maxLength: 6 });

/** A team and a later state of it: lists shuffled, entries added, changed and removed, fields changed. */
const teamAndChange = fc
  .record({
    members: unique(member, (m) => m.userId),
    invites: unique(invite, (i) => i.inviteId),
    nextMembers: unique(member, (m) => m.userId),
    nextInvites: unique(invite, (i) => i.inviteId),
    keepSame: fc.boolean(),
    seatLimit: fc.integer({ min: 0, max: 50 }),
    status: fc.constantFrom('active' as const, 'grace' as const, 'expired' as const),
    periodEndsAt: fc.option(date, { nil: null }),
    entitlements: fc.array(fc.constantFrom('pro', 'plus'), { maxLength: 2 }),
  })
  .map((r) => {
    const before: Team = { ...team(), members: r.members, invites: r.invites };
    // Entries a decision keeps are the same objects; the generator keeps some of them that way.
    const keep = <T>(was: T[], next: T[], key: (e: T) => string) =>
      next.map((entry) => (r.keepSame ? (was.find((w) => key(w) === key(entry)) ?? entry) : entry));
    const after: Team = {
      ...before,
      seatLimit: r.seatLimit,
      status: r.status,
      periodEndsAt: r.periodEndsAt,
      memberEntitlements: r.entitlements,
      version: before.version + 1,
      members: keep(before.members, r.nextMembers, (m) => m.userId),
      invites: keep(before.invites, r.nextInvites, (i) => i.inviteId),
    };
    return { before, after };
  });

describe('team patch (unit)', () => {
  it('when a patch of two states is applied to the first, then the result deep-equals the second', () => {
    fc.assert(
      fc.property(teamAndChange, ({ before, after }) => {
        expect(applyPatch(before, patchOf(before, after))).to.deep.equal(after);
      }),
      { numRuns: 500 },
    );
  });

  it('when the first state is nothing, then the patch builds the whole team', () => {
    fc.assert(
      fc.property(teamAndChange, ({ after }) => {
        expect(applyPatch(null, patchOf(null, after))).to.deep.equal(after);
      }),
    );
  });

  it('when one member joins, then the patch holds that member and the changed fields only, and is an append', () => {
    const before = team({}, ['a', 'b']);
    const joined: Member = { ...before.members[1]!, userId: 'c' };
    const after = { ...before, members: [...before.members, joined], version: before.version + 1 };
    const patch = patchOf(before, after);
    expect(patch).to.deep.equal({
      set: { version: before.version + 1 },
      members: { put: [joined], remove: [] },
      invites: { put: [], remove: [] },
    });
    expect(onlyAppends(before, patch)).to.equal(true);
    const removed = { ...before, members: before.members.slice(0, 1) };
    expect(onlyAppends(before, patchOf(before, removed))).to.equal(false);
  });

  it('when nothing but a date is rebuilt with the same instant, then the patch is empty', () => {
    const before = team();
    const after = { ...before, periodEndsAt: new Date(before.periodEndsAt!.getTime()) };
    expect(patchOf(before, after).set).to.deep.equal({});
  });
});

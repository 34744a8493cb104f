import { AppError } from '@teamseat/errors';
import { expect } from 'chai';
import fc from 'fast-check';
import { decideAcceptInvite, decideInvite, decideRevokeInvite } from '../../src/domain/invite-decisions';
import { parseInviteToken } from '../../src/domain/invite-token';
import {
  decideAddMember,
  decideGrantAdmin,
  decideLeaveTeam,
  decideRemoveMember,
} from '../../src/domain/roster-decisions';
import { pendingInvites, seatsAvailable, seatsUsed, type Team } from '../../src/domain/team';
import { context, HOUR, T0, team } from '../support/domain-fixtures';

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return `${error.code} ${error.reason}`;
    throw error;
  }
  return 'ok';
}

describe('roster decisions', () => {
  it('when the owner adds a user to an active team with a seat, then one MemberAdded and a guarded append', () => {
    const decision = decideAddMember(team({ seatLimit: 2 }), { userId: 'u1', actor: 'owner' }, context());
    expect(decision.events.map((e) => e.type)).to.deep.equal(['teamseat.team.MemberAdded.v1']);
    expect(decision.append?.guard).to.deep.include({
      status: 'active',
      notOnRoster: 'u1',
      actor: { userId: 'owner', role: 'owner' },
    });
    expect(decision.next.version).to.equal(2);
    expect(seatsUsed(decision.next)).to.equal(1);
  });

  it('when the rules are broken, then each gives its reason, checked in the documented order', () => {
    const full = team({ seatLimit: 1 }, ['a']);
    expect(reasonOf(() => decideAddMember(full, { userId: 'b', actor: 'a' }, context()))).to.equal(
      'PERMISSION_DENIED NOT_TEAM_MANAGER',
    );
    expect(
      reasonOf(() =>
        decideAddMember({ ...full, status: 'grace' }, { userId: 'b', actor: 'owner' }, context()),
      ),
    ).to.equal('FAILED_PRECONDITION TEAM_NOT_ACTIVE');
    expect(reasonOf(() => decideAddMember(full, { userId: 'a', actor: 'owner' }, context()))).to.equal(
      'ALREADY_EXISTS ALREADY_MEMBER',
    );
    expect(reasonOf(() => decideAddMember(full, { userId: 'b', actor: 'owner' }, context()))).to.equal(
      'RESOURCE_EXHAUSTED SEAT_LIMIT_REACHED',
    );
  });

  it('when an overdue invite holds the last seat, then the add expires it first and is no simple append', () => {
    const base = team({ seatLimit: 1 });
    const invited = decideInvite(
      base,
      { email: 'x@example.com', ttlHours: 1, actor: 'owner' },
      context(),
    ).next;
    const later = context(new Date(T0.getTime() + 2 * HOUR));
    const decision = decideAddMember(invited, { userId: 'b', actor: 'owner' }, later);
    expect(decision.events.map((e) => e.type)).to.deep.equal([
      'teamseat.team.InviteExpired.v1',
      'teamseat.team.MemberAdded.v1',
    ]);
    expect(decision.append).to.equal(undefined);
  });

  it('when admins act, then they manage members but not other admins, and nobody removes the owner', () => {
    let current = team({}, ['adm', 'adm2', 'mem']);
    current = decideGrantAdmin(current, { userId: 'adm', actor: 'owner' }, context()).next;
    current = decideGrantAdmin(current, { userId: 'adm2', actor: 'owner' }, context()).next;
    expect(reasonOf(() => decideRemoveMember(current, { userId: 'mem', actor: 'adm' }, context()))).to.equal(
      'ok',
    );
    expect(reasonOf(() => decideRemoveMember(current, { userId: 'adm2', actor: 'adm' }, context()))).to.equal(
      'PERMISSION_DENIED ONLY_OWNER_MAY_REMOVE_ADMIN',
    );
    expect(
      reasonOf(() => decideRemoveMember(current, { userId: 'owner', actor: 'owner' }, context())),
    ).to.equal('FAILED_PRECONDITION OWNER_CANNOT_BE_REMOVED');
    expect(reasonOf(() => decideLeaveTeam(current, { actor: 'owner' }, context()))).to.equal(
      'FAILED_PRECONDITION OWNER_CANNOT_LEAVE',
    );
    expect(reasonOf(() => decideGrantAdmin(current, { userId: 'mem', actor: 'adm' }, context()))).to.equal(
      'PERMISSION_DENIED NOT_TEAM_OWNER',
    );
  });

  it('when any sequence of adds, removals, leaves, invites, accepts and revokes runs, then seats are never oversold', () => {
    type Op =
      | { kind: 'add' | 'remove' | 'leave' | 'accept'; user: number }
      | { kind: 'invite'; user: number }
      | { kind: 'revoke'; index: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constantFrom('add' as const, 'remove' as const, 'leave' as const, 'accept' as const),
        user: fc.nat(7),
      }),
      fc.record({ kind: fc.constant('invite' as const), user: fc.nat(7) }),
      fc.record({ kind: fc.constant('revoke' as const), index: fc.nat(7) }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        fc.array(op, { maxLength: 40 }),
        (limit, ownerSeat, ops) => {
          let current: Team = team({
            seatLimit: Math.max(limit, ownerSeat ? 1 : 0),
            ownerTakesSeat: ownerSeat,
          });
          const tokens: string[] = [];
          for (const step of ops) {
            const ctx = context();
            try {
              const user = 'user' in step ? `u${step.user}` : '';
              if (step.kind === 'add')
                current = decideAddMember(current, { userId: user, actor: 'owner' }, ctx).next;
              if (step.kind === 'remove')
                current = decideRemoveMember(current, { userId: user, actor: 'owner' }, ctx).next;
              if (step.kind === 'leave') current = decideLeaveTeam(current, { actor: user }, ctx).next;
              if (step.kind === 'invite') {
                const decision = decideInvite(
                  current,
                  { email: `${user}@example.com`, ttlHours: 24, actor: 'owner' },
                  ctx,
                );
                current = decision.next;
                tokens.push(decision.result.token);
              }
              if (step.kind === 'accept' && tokens.length > 0) {
                const token = parseInviteToken(tokens[step.user % tokens.length]!)!;
                current = decideAcceptInvite(
                  current,
                  { inviteId: token.inviteId, secret: token.secret, actor: user },
                  ctx,
                ).next;
              }
              if (step.kind === 'revoke') {
                const invite = pendingInvites(current)[step.index];
                if (invite)
                  current = decideRevokeInvite(
                    current,
                    { inviteId: invite.inviteId, actor: 'owner' },
                    ctx,
                  ).next;
              }
            } catch (error) {
              if (!(error instanceof AppError)) throw error;
            }
            expect(seatsAvailable(current)).to.be.at.least(0);
            expect(new Set(current.members.map((m) => m.userId)).size).to.equal(current.members.length);
            expect(current.members.filter((m) => m.role === 'owner').map((m) => m.userId)).to.deep.equal([
              'owner',
            ]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

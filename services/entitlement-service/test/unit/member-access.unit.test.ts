import { expect } from 'chai';
import type { GrantRecord } from '../../src/domain/grant-record';
import { memberAccessOf, type MemberAccessInput } from '../../src/domain/member-access';
import type { TeamTerms } from '../../src/domain/team-terms';

const NOW = Date.UTC(2034, 0, 1);
const UNTIL = NOW + 30 * 86_400_000;

const terms = (
  teamVersion: number,
  grant: TeamTerms['grant'] = { kind: 'until', untilMs: UNTIL },
): TeamTerms => ({
  teamId: 't1',
  teamVersion,
  productId: 'team_monthly',
  entitlements: ['pro', 'beta'],
  grant,
});

const row = (entitlement: string, patch: Partial<GrantRecord>): GrantRecord => ({
  userId: 'ada',
  entitlement,
  teamIds: ['t1'],
  desired: UNTIL,
  confirmed: undefined,
  confirmedAtMs: undefined,
  state: 'grant-pending',
  attempts: 0,
  lastError: undefined,
  lastAttemptAtMs: undefined,
  nextAttemptAtMs: undefined,
  ...patch,
});

const input = (patch: Partial<MemberAccessInput>): MemberAccessInput => ({
  current: terms(5),
  applied: terms(5),
  minTeamVersion: 0,
  grants: [],
  storeUntil: () => undefined,
  nowMs: NOW,
  ...patch,
});

const inSync = (entitlement: string) => row(entitlement, { state: 'in-sync', confirmed: UNTIL });

describe('member access (is the seat ready?)', () => {
  it('when one entitlement is live and the other is retrying after a failure, then FAILED with that reason', () => {
    const retrying = row('pro', {
      attempts: 2,
      lastError: 'REVENUECAT_UNAVAILABLE: 500',
      nextAttemptAtMs: NOW + 1,
    });
    const access = memberAccessOf(input({ grants: [inSync('beta'), retrying] }));
    expect(access).to.include({ state: 'failed', reason: 'REVENUECAT_UNAVAILABLE: 500' });
    expect(access.entitlements.map((e) => [e.entitlement, e.state])).to.deep.equal([
      ['beta', 'active'],
      ['pro', 'failed'],
    ]);
    expect(access.entitlements[1]).to.include({ willRetry: true, attempts: 2 });
  });

  it('when a grant is not made yet but the user has a store purchase of it, then that entitlement is ACTIVE from the store', () => {
    const access = memberAccessOf(
      input({ grants: [inSync('beta')], storeUntil: (e) => (e === 'pro' ? UNTIL + 1 : undefined) }),
    );
    expect(access.state).to.equal('active');
    expect(access.entitlements[1]).to.include({ entitlement: 'pro', source: 'store', expires: UNTIL + 1 });
  });

  it('when a grant is in flight, then PENDING; when its confirmed end has passed, then not ACTIVE', () => {
    expect(memberAccessOf(input({ grants: [inSync('beta'), row('pro', {})] })).state).to.equal('pending');
    const lapsed = row('pro', { state: 'in-sync', confirmed: NOW - 1 });
    expect(memberAccessOf(input({ grants: [inSync('beta'), lapsed] })).state).to.equal('pending');
  });

  it('when the applied terms say none (removed, then added again), then PENDING until the new terms are applied', () => {
    const access = memberAccessOf(input({ current: terms(7), applied: terms(6, { kind: 'none' }) }));
    expect(access).to.include({ state: 'pending', teamVersion: 7, appliedTeamVersion: 6 });
  });

  it('when team-service gives no seat, then NOT_A_MEMBER whatever the ledger holds', () => {
    const access = memberAccessOf(input({ current: terms(8, { kind: 'none' }), grants: [inSync('pro')] }));
    expect(access).to.include({ state: 'not-a-member' });
    expect(access.entitlements).to.deep.equal([]);
  });
});

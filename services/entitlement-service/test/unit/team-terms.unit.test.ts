import { expect } from 'chai';
import fc from 'fast-check';
import { applyTeamTerms, computeDesiredGrants, holdingsOf, LIFETIME, type TeamTerms } from '../../src/domain';

const terms = (teamId: string, teamVersion: number, grant: TeamTerms['grant']): TeamTerms => ({
  teamId,
  teamVersion,
  productId: 'team_pro_monthly',
  entitlements: ['pro'],
  grant,
});

describe('team terms (the per-team facts a user is reconciled from)', () => {
  it('when facts of one team arrive in any order, then the highest version wins and the others change nothing', () => {
    const facts = fc.array(
      fc.record({ version: fc.integer({ min: 1, max: 50 }), untilMs: fc.integer({ min: 1, max: 1e12 }) }),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(facts, (list) => {
        let stored: TeamTerms[] = [];
        for (const { version, untilMs } of list)
          stored = applyTeamTerms(stored, terms('t', version, { kind: 'until', untilMs })).terms;
        const highest = Math.max(...list.map((f) => f.version));
        expect(stored).to.have.length(1);
        expect(stored[0]!.teamVersion).to.equal(highest);
        const first = list.find((f) => f.version === highest)!;
        expect(stored[0]!.grant).to.deep.equal({ kind: 'until', untilMs: first.untilMs });
      }),
    );
  });

  it('when a user is on several teams, then the grant wanted is the best of them and none-terms give nothing', () => {
    const stored = [
      terms('a', 3, { kind: 'until', untilMs: 1_000_000 }),
      terms('b', 1, { kind: 'none' }),
      terms('c', 7, { kind: 'until', untilMs: 5_000_000 }),
    ];
    const desired = computeDesiredGrants(
      holdingsOf(stored, () => 0),
      { nowMs: 0, bufferMs: 0 },
    );
    expect(desired.get('pro')).to.deep.equal({
      entitlement: 'pro',
      expiresAt: 5_000_000,
      teamIds: ['a', 'c'],
    });
    const lifetime = holdingsOf([...stored, terms('d', 1, { kind: 'lifetime' })], () => 0);
    expect(computeDesiredGrants(lifetime, { nowMs: 0, bufferMs: 0 }).get('pro')?.expiresAt).to.equal(
      LIFETIME,
    );
    expect(
      computeDesiredGrants(
        holdingsOf([terms('b', 2, { kind: 'none' })], () => 0),
        { nowMs: 0, bufferMs: 0 },
      ).size,
    ).to.equal(0);
  });
});

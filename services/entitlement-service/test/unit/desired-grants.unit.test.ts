import { expect } from 'chai';
import fc from 'fast-check';
import { LIFETIME, computeDesiredGrants, type SeatHolding } from '../../src/domain';
import { DAY, T0 } from '../support/subscribers';

const BUFFER = DAY;
const options = { nowMs: T0, bufferMs: BUFFER };

function holding(overrides: Partial<SeatHolding> = {}): SeatHolding {
  return {
    teamId: 'team-a',
    status: 'active',
    periodEndsAt: T0 + 30 * DAY,
    memberEntitlements: ['pro'],
    grantMode: 'period',
    holdsSeat: true,
    ...overrides,
  };
}

const holdingArb = fc.record({
  teamId: fc.constantFrom('t1', 't2', 't3', 't4'),
  status: fc.constantFrom('active' as const, 'grace' as const, 'expired' as const),
  periodEndsAt: fc.oneof(
    fc.constant(undefined),
    fc.constant(LIFETIME),
    fc.integer({ min: T0 - 5 * DAY, max: T0 + 400 * DAY }),
  ),
  memberEntitlements: fc.subarray(['pro', 'premium', 'storage']),
  grantMode: fc.constantFrom('period' as const, 'lifetime' as const),
  holdsSeat: fc.boolean(),
});

describe('desired grants', () => {
  it('when a user holds seats in two active teams, then the later period end plus the buffer is wanted for both', () => {
    const grants = computeDesiredGrants(
      [
        holding({ teamId: 'b', periodEndsAt: T0 + 10 * DAY }),
        holding({ teamId: 'a', periodEndsAt: T0 + 40 * DAY }),
      ],
      options,
    );
    expect(grants.get('pro')).to.deep.equal({
      entitlement: 'pro',
      expiresAt: T0 + 41 * DAY,
      teamIds: ['a', 'b'],
    });
  });

  it('when one of the teams grants for life, then lifetime is wanted', () => {
    const grants = computeDesiredGrants(
      [holding(), holding({ teamId: 'b', grantMode: 'lifetime' })],
      options,
    );
    expect(grants.get('pro')?.expiresAt).to.equal(LIFETIME);
  });

  it('when the team is expired, or the user holds no seat in it, then nothing is wanted', () => {
    expect(computeDesiredGrants([holding({ status: 'expired' })], options).size).to.equal(0);
    expect(computeDesiredGrants([holding({ holdsSeat: false })], options).size).to.equal(0);
  });

  it('when the team is in grace, then access lasts until the grace end plus the buffer', () => {
    const grants = computeDesiredGrants([holding({ status: 'grace', periodEndsAt: T0 + 5 * DAY })], options);
    expect(grants.get('pro')?.expiresAt).to.equal(T0 + 6 * DAY);
  });

  it('when the period ended longer ago than the buffer, then nothing is wanted', () => {
    expect(computeDesiredGrants([holding({ periodEndsAt: T0 - 2 * DAY })], options).size).to.equal(0);
  });

  it('when the holdings come in any order, then the same grants are wanted', () => {
    fc.assert(
      fc.property(
        fc
          .array(holdingArb, { maxLength: 6 })
          .chain((holdings) =>
            fc.tuple(
              fc.constant(holdings),
              fc.shuffledSubarray(holdings, { minLength: holdings.length, maxLength: holdings.length }),
            ),
          ),
        ([holdings, shuffled]) => {
          expect(computeDesiredGrants(shuffled, options)).to.deep.equal(
            computeDesiredGrants(holdings, options),
          );
        },
      ),
    );
  });

  it('when a team is removed from the holdings, then no wanted grant gets longer', () => {
    fc.assert(
      fc.property(fc.array(holdingArb, { minLength: 1, maxLength: 6 }), fc.nat(), (holdings, index) => {
        const all = computeDesiredGrants(holdings, options);
        const fewer = computeDesiredGrants(
          holdings.filter((_, i) => i !== index % holdings.length),
          options,
        );
        for (const [entitlement, grant] of fewer) {
          expect(all.get(entitlement)?.expiresAt).to.be.at.least(grant.expiresAt);
        }
      }),
    );
  });

  it('when any grant is wanted, then it lasts past now and is wanted by a team that holds a seat', () => {
    fc.assert(
      fc.property(fc.array(holdingArb, { maxLength: 6 }), (holdings) => {
        for (const grant of computeDesiredGrants(holdings, options).values()) {
          expect(grant.expiresAt).to.be.greaterThan(T0);
          const wanting = holdings.filter((h) => grant.teamIds.includes(h.teamId));
          expect(wanting.some((h) => h.holdsSeat && h.status !== 'expired')).to.equal(true);
        }
      }),
    );
  });
});

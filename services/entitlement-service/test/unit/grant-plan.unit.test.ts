import { expect } from 'chai';
import fc from 'fast-check';
import {
  HOUR_MS,
  LIFETIME,
  grantMatches,
  planGrantSteps,
  type Expiry,
  type GrantStep,
} from '../../src/domain';
import { DAY, T0 } from '../support/subscribers';

const NOW = T0;
const WINDOW = 2 * HOUR_MS;

/**
 * A model of RevenueCat's promotional grants as documented: grants coexist and the longest counts; a grant
 * ending within two hours of an active one (or any, when one is for life) is a duplicate and changes
 * nothing; API v2 refuses any grant while one is active; revoke removes them all.
 */
function applyStep(current: Expiry | undefined, step: GrantStep, v2: boolean): Expiry | undefined {
  if (step.op === 'revoke') return undefined;
  const active = current !== undefined && current > NOW ? current : undefined;
  if (active !== undefined) {
    if (v2 || active === LIFETIME) return current;
    if (step.expiresAt !== LIFETIME && Math.abs(active - step.expiresAt) <= WINDOW) return current;
  }
  return Math.max(active ?? Number.NEGATIVE_INFINITY, step.expiresAt);
}

const expiryArb = fc.oneof(
  fc.constant(undefined),
  fc.constant(LIFETIME),
  fc.integer({ min: NOW - 10 * DAY, max: NOW + 60 * DAY }),
  fc.integer({ min: NOW + 30 * DAY - 3 * HOUR_MS, max: NOW + 30 * DAY + 3 * HOUR_MS }),
);

describe('grant plan', () => {
  const options = { nowMs: NOW };

  it('when nothing is wanted and nothing is granted, then no call is made', () => {
    expect(planGrantSteps(undefined, undefined, options)).to.deep.equal([]);
  });

  it('when a grant is missing, then it is granted until the wanted time', () => {
    expect(planGrantSteps(NOW + 30 * DAY, undefined, options)).to.deep.equal([
      { op: 'grant', expiresAt: NOW + 30 * DAY },
    ]);
  });

  it('when the granted access already ended, then it counts as missing', () => {
    expect(planGrantSteps(NOW + 30 * DAY, NOW - DAY, options)).to.deep.equal([
      { op: 'grant', expiresAt: NOW + 30 * DAY },
    ]);
  });

  it('when a renewal extends the grant by more than two hours, then a plain grant extends it', () => {
    expect(planGrantSteps(NOW + 60 * DAY, NOW + 30 * DAY, options)).to.deep.equal([
      { op: 'grant', expiresAt: NOW + 60 * DAY },
    ]);
  });

  it('when the wanted end is within two hours of the granted one, then it revokes and grants', () => {
    expect(planGrantSteps(NOW + 30 * DAY + HOUR_MS, NOW + 30 * DAY, options)).to.deep.equal([
      { op: 'revoke' },
      { op: 'grant', expiresAt: NOW + 30 * DAY + HOUR_MS },
    ]);
  });

  it('when less is wanted than granted (the user left one of two teams), then it revokes and grants the rest', () => {
    expect(planGrantSteps(NOW + 10 * DAY, NOW + 40 * DAY, options)).to.deep.equal([
      { op: 'revoke' },
      { op: 'grant', expiresAt: NOW + 10 * DAY },
    ]);
  });

  it('when a lifetime grant replaces a dated one, then the dated one is revoked first (ADR 0029)', () => {
    expect(planGrantSteps(LIFETIME, NOW + 30 * DAY, options)).to.deep.equal([
      { op: 'revoke' },
      { op: 'grant', expiresAt: LIFETIME },
    ]);
    expect(planGrantSteps(LIFETIME, NOW - DAY, options)).to.deep.equal([
      { op: 'grant', expiresAt: LIFETIME },
    ]);
  });

  it('when nothing is wanted any more, then it revokes', () => {
    expect(planGrantSteps(undefined, NOW + 40 * DAY, options)).to.deep.equal([{ op: 'revoke' }]);
    expect(planGrantSteps(undefined, LIFETIME, options)).to.deep.equal([{ op: 'revoke' }]);
  });

  it('when RevenueCat reports the wanted end to the second, then it matches', () => {
    expect(grantMatches(NOW + 30 * DAY + 999, NOW + 30 * DAY, options)).to.equal(true);
  });

  for (const v2 of [false, true]) {
    it(`when the plan's calls are made (API ${v2 ? 'v2' : 'v1'}), then RevenueCat holds the wanted grant and a second plan is empty`, () => {
      fc.assert(
        fc.property(expiryArb, expiryArb, (desired, current) => {
          const planOptions = { nowMs: NOW, revokeBeforeAnyGrant: v2 };
          const after = planGrantSteps(desired, current, planOptions).reduce<Expiry | undefined>(
            (state, step) => applyStep(state, step, v2),
            current,
          );
          expect(grantMatches(desired, after, planOptions)).to.equal(true);
          expect(planGrantSteps(desired, after, planOptions)).to.deep.equal([]);
        }),
        { numRuns: 2_000 },
      );
    });
  }

  it('when a plan has calls, then it has at most two and a revoke only comes first', () => {
    fc.assert(
      fc.property(expiryArb, expiryArb, fc.boolean(), (desired, current, v2) => {
        const steps = planGrantSteps(desired, current, { nowMs: NOW, revokeBeforeAnyGrant: v2 });
        expect(steps.length).to.be.at.most(2);
        steps.slice(1).forEach((step) => expect(step.op).to.equal('grant'));
      }),
    );
  });
});

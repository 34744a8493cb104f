import { expect } from 'chai';
import fc from 'fast-check';
import {
  HOUR_MS,
  LIFETIME,
  grantMatches,
  outsidePromotional,
  planGrantSteps,
  promotionalTarget,
  type Expiry,
  type GrantStep,
  type LedgerMemory,
} from '../../src/domain';
import { DAY, T0 } from '../support/subscribers';

const NOW = T0;
const options = { nowMs: NOW };

/**
 * RevenueCat's promotional grants of one entitlement, per v1 `subscriptions` key: grants coexist, a key lists
 * its furthest grant, a grant within two hours of an active one (or any, beside a lifetime one) is a
 * duplicate, and revoke ends them all. Others' grant has its own key, or ours (`sameKey`).
 */
class PromotionalModel {
  grants: { key: string; end: Expiry }[] = [];
  constructor(
    others: Expiry | undefined,
    sameKey: boolean,
    readonly v2 = false,
  ) {
    if (others !== undefined) this.grants.push({ key: sameKey ? 'custom' : 'other', end: others });
  }
  ends = () => {
    const byKey = new Map<string, Expiry>();
    for (const g of this.grants) byKey.set(g.key, Math.max(byKey.get(g.key) ?? -Infinity, g.end));
    return [...byKey.values()];
  };
  total = () => (this.grants.length === 0 ? undefined : Math.max(...this.grants.map((g) => g.end)));
  apply(step: GrantStep) {
    if (step.op === 'revoke') this.grants = [];
    else this.grant(step.expiresAt, step.expiresAt === LIFETIME ? 'lifetime' : 'custom', this.v2);
  }
  /** False when RevenueCat takes the grant for a duplicate and makes nothing. */
  grant(end: Expiry, key: string, v2 = false): boolean {
    const active = this.grants.filter((g) => g.end > NOW);
    // v2 grants only "unless one already exists" (the emulator's and REVENUECAT.md's reading).
    const duplicate = active.some(
      (g) => v2 || g.end === LIFETIME || (end !== LIFETIME && Math.abs(g.end - end) <= 2 * HOUR_MS),
    );
    if (!duplicate) this.grants.push({ key, end });
    return !duplicate;
  }
}

/** One reconcile as the reconciler makes it: judge others, plan towards the target, remember the outcome. */
function reconcile(model: PromotionalModel, want: Expiry | undefined, memory: LedgerMemory | undefined) {
  const others = outsidePromotional(model.ends(), memory, options);
  const target = promotionalTarget(want, others);
  const steps = planGrantSteps(target, model.total(), { ...options, revokeBeforeAnyGrant: model.v2 });
  steps.forEach((step) => model.apply(step));
  return { steps, target, memory: { confirmed: model.total(), others } };
}

const end = fc.oneof(
  fc.constant(LIFETIME),
  fc.integer({ min: 1, max: 90 }).map((days) => NOW + days * DAY),
);

describe('grants teamseat did not make (ADR 0029)', () => {
  it("when nothing is remembered, then every active promotional entry is someone else's", () => {
    expect(outsidePromotional([NOW + 5 * DAY, NOW - DAY, LIFETIME], undefined, options)).to.equal(LIFETIME);
    expect(outsidePromotional([NOW - DAY], undefined, options)).to.equal(undefined);
  });

  it("when an entry is our confirmed grant, then it is not counted as someone else's", () => {
    const memory = { confirmed: NOW + 31 * DAY, others: undefined };
    expect(outsidePromotional([NOW + 31 * DAY], memory, options)).to.equal(undefined);
    expect(outsidePromotional([NOW + 31 * DAY, NOW + 7 * DAY], memory, options)).to.equal(NOW + 7 * DAY);
  });

  it('when a remembered grant of someone else is hidden behind ours, then it is still counted; once ours is gone, it is not', () => {
    const memory = { confirmed: NOW + 61 * DAY, others: NOW + 45 * DAY };
    expect(outsidePromotional([NOW + 61 * DAY], memory, options)).to.equal(NOW + 45 * DAY);
    expect(outsidePromotional([NOW - 1], memory, options)).to.equal(undefined);
  });

  it('when a lifetime grant of someone else exists, then joining and leaving a team make no call', () => {
    const model = new PromotionalModel(LIFETIME, false);
    const joined = reconcile(model, NOW + 31 * DAY, undefined);
    expect(joined.steps).to.deep.equal([]);
    expect(reconcile(model, undefined, joined.memory).steps).to.deep.equal([]);
    expect(model.total()).to.equal(LIFETIME);
  });

  it("when the user leaves after our grant outgrew someone else's, then it is revoked and theirs made again", () => {
    const model = new PromotionalModel(NOW + 45 * DAY, true);
    let { memory } = reconcile(model, NOW + 31 * DAY, undefined);
    ({ memory } = reconcile(model, NOW + 61 * DAY, memory));
    expect(model.total()).to.equal(NOW + 61 * DAY);
    const left = reconcile(model, undefined, memory);
    expect(left.steps).to.deep.equal([{ op: 'revoke' }, { op: 'grant', expiresAt: NOW + 45 * DAY }]);
    expect(model.total()).to.equal(NOW + 45 * DAY);
  });

  for (const v2 of [false, true])
    it(`when teams come and go over someone else's grant (API ${v2 ? 'v2' : 'v1'}), then access never falls below theirs, matches the target, and a second plan is empty`, () => {
      fc.assert(
        fc.property(
          fc.option(end, { nil: undefined }),
          fc.boolean(),
          fc.array(fc.option(end, { nil: undefined }), { minLength: 1, maxLength: 6 }),
          fc.nat(5),
          (others, sameKey, wants, arrival) => {
            // Someone else's grant exists from the start, or arrives later under a key of its own (one under our
            // key and shorter than ours would be hidden: the limit ADR 0029 names).
            const at = sameKey ? 0 : Math.min(arrival, wants.length - 1);
            const model = new PromotionalModel(undefined, sameKey, v2);
            let memory: LedgerMemory | undefined;
            let theirs: Expiry | undefined;
            wants.forEach((want, i) => {
              // A grant RevenueCat takes for a duplicate of ours is never made: nothing of theirs to keep.
              if (i === at && others !== undefined && model.grant(others, sameKey ? 'custom' : 'other'))
                theirs = others;
              const outcome = reconcile(model, want, memory);
              memory = outcome.memory;
              const total = model.total();
              if (theirs !== undefined) expect(total ?? -Infinity).to.be.at.least(theirs);
              expect(grantMatches(promotionalTarget(want, theirs), total, options)).to.equal(true);
              expect(reconcile(model, want, memory).steps).to.deep.equal([]);
            });
          },
        ),
        { numRuns: 2_000 },
      );
    });
});

import { expect } from 'chai';
import { deriveOwnerTeamStates, type SeatPackProduct } from '../../src/domain';
import { DAY, T0, TEAM_PRODUCT, subscriber, subscription } from '../support/subscribers';

const PACK: SeatPackProduct = {
  productId: 'seats_5_monthly',
  playProductId: 'seats_5:monthly',
  addsSeatsTo: 'team_admin',
  seats: 5,
};
const OTHER_GROUP_PACK: SeatPackProduct = { ...PACK, productId: 'plus_seats_2', teamGroup: 'plus', seats: 2 };
const PLUS_PRODUCT = {
  ...TEAM_PRODUCT,
  productId: 'team_plus',
  playProductId: undefined,
  subscriptionGroup: 'plus',
};

const packPurchase = (overrides: Parameters<typeof subscription>[0] = {}) =>
  subscription({ productId: PACK.productId, purchaseDateMs: T0 + DAY / 2, ...overrides });

const statesOf = (...subscriptions: ReturnType<typeof subscription>[]) =>
  deriveOwnerTeamStates(
    subscriber({ subscriptions }),
    [TEAM_PRODUCT, PLUS_PRODUCT],
    [PACK, OTHER_GROUP_PACK],
  );

describe('seat packs in the owner team state (ADR 0038)', () => {
  it('when the owner runs the team plan and a pack of its line, then the team state carries the pack until its end', () => {
    const [state] = statesOf(subscription(), packPurchase({ expiresAt: T0 + 20 * DAY }));
    expect(state).to.include({ status: 'active', seatLimit: 3 });
    expect(state!.seatPacks).to.deep.equal([
      { productId: PACK.productId, seats: 5, endsAtMs: T0 + 20 * DAY },
    ]);
  });

  it('when the pack was bought under its Play form, then it counts too', () => {
    const [state] = statesOf(subscription(), packPurchase({ productId: 'seats_5:monthly' }));
    expect(state!.seatPacks.map((p) => p.productId)).to.deep.equal([PACK.productId]);
  });

  it('when the pack has lapsed, is refunded, or is family-shared, then it adds nothing', () => {
    for (const pack of [
      packPurchase({ expiresAt: T0 + DAY / 2 }),
      packPurchase({ refundedAtMs: T0 + DAY / 2 }),
      packPurchase({ ownershipType: 'FAMILY_SHARED' }),
    ]) {
      expect(statesOf(subscription(), pack)[0]!.seatPacks).to.deep.equal([]);
    }
  });

  it('when the pack is in its billing grace period, then it still counts until grace ends', () => {
    const inGrace = packPurchase({
      expiresAt: T0 + DAY / 2,
      billingIssuesDetectedAtMs: T0 + DAY / 2,
      gracePeriodExpiresAtMs: T0 + 10 * DAY,
    });
    expect(statesOf(subscription(), inGrace)[0]!.seatPacks).to.deep.equal([
      { productId: PACK.productId, seats: 5, endsAtMs: T0 + 10 * DAY },
    ]);
  });

  it('when only a pack was bought, then no team state is derived: the pack waits for a team', () => {
    expect(statesOf(packPurchase())).to.deep.equal([]);
  });

  it('when the team has expired, then a running pack adds nothing to it', () => {
    const [state] = statesOf(subscription({ expiresAt: T0 + DAY / 2 }), packPurchase());
    expect(state).to.include({ status: 'expired', seatLimit: 0 });
    expect(state!.seatPacks).to.deep.equal([]);
  });

  it('when the owner has teams in two groups of the line, then each pack feeds the team of the group the catalog names', () => {
    const states = statesOf(
      subscription(),
      subscription({ productId: 'team_plus' }),
      packPurchase(),
      packPurchase({ productId: OTHER_GROUP_PACK.productId }),
    );
    const packsByProduct = Object.fromEntries(
      states.map((s) => [s.product.productId, s.seatPacks.map((p) => p.productId)]),
    );
    expect(packsByProduct).to.deep.equal({
      [TEAM_PRODUCT.productId]: [PACK.productId],
      team_plus: ['plus_seats_2'],
    });
  });
});

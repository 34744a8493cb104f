import { expect } from 'chai';
import { LIFETIME, deriveOwnerTeamState, deriveOwnerTeamStates } from '../../src/domain';
import { teamLineOf } from '../../src/domain/team-product';
import { DAY, T0, TEAM_PRODUCT, subscriber, subscription } from '../support/subscribers';

describe('owner team state', () => {
  it('when the owner bought the team product and it runs past the request date, then the team is active with the catalog seats', () => {
    const state = deriveOwnerTeamState(subscriber({ subscriptions: [subscription()] }), TEAM_PRODUCT);
    expect(state).to.include({
      status: 'active',
      periodEndsAt: T0 + 30 * DAY,
      seatLimit: 3,
      sourceAtMs: T0 + DAY,
    });
  });

  it('when the purchase ended before the request date, then the team is expired with 0 seats', () => {
    const state = deriveOwnerTeamState(
      subscriber({ subscriptions: [subscription()], requestDateMs: T0 + 31 * DAY }),
      TEAM_PRODUCT,
    );
    expect(state).to.include({ status: 'expired', seatLimit: 0 });
  });

  it('when a billing issue is detected and grace has not ended, then the team is in grace until grace ends', () => {
    const sub = subscription({
      expiresAt: T0 + 30 * DAY,
      billingIssuesDetectedAtMs: T0 + 30 * DAY,
      gracePeriodExpiresAtMs: T0 + 46 * DAY,
    });
    const state = deriveOwnerTeamState(
      subscriber({ subscriptions: [sub], requestDateMs: T0 + 35 * DAY }),
      TEAM_PRODUCT,
    );
    expect(state).to.include({ status: 'grace', periodEndsAt: T0 + 46 * DAY, seatLimit: 3 });
  });

  it('when grace has ended too, then the team is expired', () => {
    const sub = subscription({
      billingIssuesDetectedAtMs: T0 + 30 * DAY,
      gracePeriodExpiresAtMs: T0 + 46 * DAY,
    });
    const state = deriveOwnerTeamState(
      subscriber({ subscriptions: [sub], requestDateMs: T0 + 47 * DAY }),
      TEAM_PRODUCT,
    );
    expect(state?.status).to.equal('expired');
  });

  it('when the only copy of the product is family-shared, then no team state is derived', () => {
    const state = deriveOwnerTeamState(
      subscriber({ subscriptions: [subscription({ ownershipType: 'FAMILY_SHARED' })] }),
      TEAM_PRODUCT,
    );
    expect(state).to.equal(undefined);
  });

  it('when the customer only has promotional grants, then no team state is derived', () => {
    const promo = subscription({ productId: 'rc_promo_team_admin_custom', store: 'promotional' });
    expect(deriveOwnerTeamState(subscriber({ subscriptions: [promo] }), TEAM_PRODUCT)).to.equal(undefined);
  });

  it('when the purchase was refunded, then the team is expired from the refund on', () => {
    const sub = subscription({ refundedAtMs: T0 + 2 * DAY });
    const state = deriveOwnerTeamState(
      subscriber({ subscriptions: [sub], requestDateMs: T0 + 3 * DAY }),
      TEAM_PRODUCT,
    );
    expect(state).to.include({ status: 'expired', periodEndsAt: T0 + 2 * DAY });
  });

  it('when the purchase is reported under the Play subscription id, then it counts', () => {
    const sub = subscription({ productId: 'team_3', store: 'play_store' });
    expect(deriveOwnerTeamState(subscriber({ subscriptions: [sub] }), TEAM_PRODUCT)?.status).to.equal(
      'active',
    );
  });

  it('when the purchase never expires, then the team is active for life', () => {
    const sub = subscription({ expiresAt: LIFETIME });
    const state = deriveOwnerTeamState(subscriber({ subscriptions: [sub] }), TEAM_PRODUCT);
    expect(state).to.include({ status: 'active', periodEndsAt: LIFETIME });
  });

  it('when the customer bought nothing from the catalog, then no states are derived', () => {
    const other = subscription({ productId: 'personal_monthly' });
    expect(deriveOwnerTeamStates(subscriber({ subscriptions: [other] }), [TEAM_PRODUCT])).to.deep.equal([]);
  });

  describe('with two tiers of one team line', () => {
    const FIVE = { ...TEAM_PRODUCT, productId: 'team_5_monthly', playProductId: undefined, seats: 5 };

    it('when the customer changed to the bigger tier, then one state with the bigger tier is derived', () => {
      const s = subscriber({
        subscriptions: [
          subscription({ expiresAt: T0 + 2 * DAY }),
          subscription({ productId: 'team_5_monthly', expiresAt: T0 + 32 * DAY }),
        ],
        requestDateMs: T0 + 3 * DAY,
      });
      const states = deriveOwnerTeamStates(s, [TEAM_PRODUCT, FIVE]);
      expect(states).to.have.length(1);
      expect(states[0]).to.include({ status: 'active', seatLimit: 5 });
      expect(states[0]?.product.productId).to.equal('team_5_monthly');
    });

    it('when a downgrade takes effect at renewal, then the running tier counts until then', () => {
      const s = subscriber({
        subscriptions: [
          subscription({ productId: 'team_5_monthly', expiresAt: T0 + 30 * DAY }),
          subscription({ expiresAt: T0 + 60 * DAY, purchaseDateMs: T0 + 30 * DAY }),
        ],
        requestDateMs: T0 + 31 * DAY,
      });
      const states = deriveOwnerTeamStates(s, [TEAM_PRODUCT, FIVE]);
      expect(states[0]).to.include({ status: 'active', seatLimit: 3 });
    });

    it('when every tier expired, then the line is expired', () => {
      const s = subscriber({
        subscriptions: [subscription({ productId: 'team_5_monthly', expiresAt: T0 + 30 * DAY })],
        requestDateMs: T0 + 31 * DAY,
      });
      expect(deriveOwnerTeamStates(s, [TEAM_PRODUCT, FIVE])[0]).to.include({
        status: 'expired',
        seatLimit: 0,
      });
    });
  });

  describe('with products of one line in two subscription groups (ADR 0030)', () => {
    const PLUS = {
      ...TEAM_PRODUCT,
      productId: 'team_plus_monthly',
      playProductId: undefined,
      subscriptionGroup: 'team_plus',
      seats: 8,
    };

    it('when the manager holds both subscriptions, then each gives its own team state', () => {
      const s = subscriber({
        subscriptions: [subscription(), subscription({ productId: 'team_plus_monthly' })],
      });
      const states = deriveOwnerTeamStates(s, [TEAM_PRODUCT, PLUS]);
      expect(states.map((state) => [state.product.productId, state.status, state.seatLimit])).to.deep.equal([
        [TEAM_PRODUCT.productId, 'active', 3],
        ['team_plus_monthly', 'active', 8],
      ]);
      expect(states.map((state) => teamLineOf(state.product))).to.deep.equal([
        TEAM_PRODUCT.managementEntitlement,
        `${TEAM_PRODUCT.managementEntitlement}/team_plus`,
      ]);
    });
  });
});

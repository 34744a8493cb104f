import { expect } from 'chai';
import {
  LIFETIME,
  diffEntitlements,
  entitlementAccess,
  promotionalEntitlementOf,
  promotionalExpiry,
} from '../../src/domain';
import { DAY, T0, subscriber, subscription } from '../support/subscribers';

const promo = (entitlement: string, expiresAt: number, label = 'custom') =>
  subscription({ productId: `rc_promo_${entitlement}_${label}`, store: 'promotional', expiresAt });

describe('entitlement access and changes', () => {
  it('when a promotional key names an entitlement with underscores, then the whole id is read', () => {
    expect(promotionalEntitlementOf('rc_promo_pro_max_custom')).to.equal('pro_max');
    expect(promotionalEntitlementOf('rc_promo_pro_cat_monthly')).to.equal('pro_cat');
    expect(promotionalEntitlementOf('team_3_monthly')).to.equal(undefined);
  });

  it('when several promotional grants exist, then the longest counts and lifetime beats a date', () => {
    const s = subscriber({ subscriptions: [promo('pro', T0 + DAY), promo('pro', LIFETIME, 'lifetime')] });
    expect(promotionalExpiry(s, 'pro')).to.equal(LIFETIME);
    expect(promotionalExpiry(s, 'other')).to.equal(undefined);
  });

  it('when a user has a store purchase and a team grant, then both are listed, longest first', () => {
    const s = subscriber({
      entitlements: [
        {
          id: 'pro',
          expiresAt: T0 + 5 * DAY,
          gracePeriodExpiresAtMs: null,
          productIdentifier: 'personal',
          purchaseDateMs: T0,
        },
      ],
      subscriptions: [promo('pro', T0 + 31 * DAY)],
    });
    const access = entitlementAccess(s, 'pro', new Map([['pro', ['team-1']]]), T0 + DAY);
    expect(access.active).to.equal(true);
    expect(access.expiresAt).to.equal(T0 + 31 * DAY);
    expect(access.sources.map((source) => source.kind)).to.deep.equal(['team-grant', 'store']);
    expect(access.sources[0]?.teamIds).to.deep.equal(['team-1']);
  });

  it('when a grant was revoked between two snapshots, then one change says it is inactive', () => {
    const before = subscriber({ subscriptions: [promo('pro', T0 + 31 * DAY)] });
    const after = subscriber({ requestDateMs: T0 + 2 * DAY, subscriptions: [promo('pro', T0 + 2 * DAY)] });
    const changes = diffEntitlements(before, after, new Map());
    expect(changes).to.have.length(1);
    expect(changes[0]).to.include({ entitlement: 'pro', active: false, expiresAt: T0 + 2 * DAY });
  });

  it('when nothing changed between two snapshots, then no change is reported', () => {
    const one = subscriber({ subscriptions: [promo('pro', T0 + 31 * DAY)] });
    const two = subscriber({ requestDateMs: T0 + 2 * DAY, subscriptions: [promo('pro', T0 + 31 * DAY)] });
    expect(diffEntitlements(one, two, new Map())).to.deep.equal([]);
  });

  it('when there is no stored snapshot, then every entitlement of the new one is reported', () => {
    const s = subscriber({ subscriptions: [promo('pro', T0 + 31 * DAY)] });
    expect(diffEntitlements(undefined, s, new Map()).map((c) => c.entitlement)).to.deep.equal(['pro']);
  });
});

import { expect } from 'chai';
import {
  LIFETIME,
  LIFETIME_FROM_MS,
  echoShownBy,
  type Expiry,
  type PromotionalEvent,
} from '../../src/domain';
import { DAY, T0, subscriber, subscription } from '../support/subscribers';

const AT = T0 + DAY;
const END = T0 + 31 * DAY;

/** The customer with one promotional `pro` entry ending at `end` (ours, or anyone's). */
const withPromo = (end: Expiry, entitlement = 'pro') =>
  subscriber({
    subscriptions: [
      subscription({ productId: `rc_promo_${entitlement}_custom`, store: 'promotional', expiresAt: end }),
    ],
  });

const grantEcho = (overrides: Partial<PromotionalEvent> = {}): PromotionalEvent => ({
  type: 'NON_RENEWING_PURCHASE',
  store: 'PROMOTIONAL',
  entitlement_ids: ['pro'],
  expiration_at_ms: END,
  event_timestamp_ms: AT,
  ...overrides,
});
const revokeEcho = (overrides: Partial<PromotionalEvent> = {}): PromotionalEvent =>
  grantEcho({ type: 'CANCELLATION', expiration_at_ms: AT, ...overrides });

describe('echoShownBy: a promotional webhook the stored snapshot already shows (ADR 0039)', () => {
  it('shows a grant whose end the snapshot has, to the second (v1 dates carry whole seconds)', () => {
    expect(echoShownBy(grantEcho(), withPromo(END))).to.equal(true);
    expect(echoShownBy(grantEcho({ expiration_at_ms: END + 999 }), withPromo(END))).to.equal(true);
  });

  it('does not show a grant whose end the snapshot lacks, or a snapshot from before any grant', () => {
    expect(echoShownBy(grantEcho(), withPromo(END - DAY))).to.equal(false);
    expect(echoShownBy(grantEcho({ expiration_at_ms: END + 1_000 }), withPromo(END))).to.equal(false);
    expect(echoShownBy(grantEcho(), subscriber())).to.equal(false);
    expect(echoShownBy(grantEcho(), withPromo(END, 'other'))).to.equal(false);
    expect(echoShownBy(grantEcho(), undefined)).to.equal(false);
  });

  it('reads a lifetime grant as RevenueCat reports it: null, or a date from 2200 on', () => {
    expect(echoShownBy(grantEcho({ expiration_at_ms: null }), withPromo(LIFETIME))).to.equal(true);
    expect(
      echoShownBy(grantEcho({ expiration_at_ms: LIFETIME_FROM_MS + DAY }), withPromo(LIFETIME)),
    ).to.equal(true);
    expect(echoShownBy(grantEcho({ expiration_at_ms: null }), withPromo(END))).to.equal(false);
    expect(echoShownBy(grantEcho(), withPromo(LIFETIME))).to.equal(false);
  });

  it('needs every entitlement the grant names', () => {
    expect(echoShownBy(grantEcho({ entitlement_ids: ['pro', 'extra'] }), withPromo(END))).to.equal(false);
    expect(echoShownBy(grantEcho({ entitlement_ids: [] }), withPromo(END))).to.equal(false);
    expect(echoShownBy(grantEcho({ entitlement_ids: null }), withPromo(END))).to.equal(false);
  });

  it('shows a revoke when no promotional entry of the entitlement runs past the event', () => {
    expect(echoShownBy(revokeEcho(), withPromo(AT))).to.equal(true);
    expect(echoShownBy(revokeEcho(), subscriber())).to.equal(true);
    expect(echoShownBy(revokeEcho(), withPromo(END))).to.equal(false);
    expect(echoShownBy(revokeEcho(), withPromo(LIFETIME))).to.equal(false);
    expect(echoShownBy(revokeEcho({ event_timestamp_ms: 1_500 }), withPromo(AT))).to.equal(false);
  });

  it('judges only promotional grants and revokes: expiries, store events and other types are read', () => {
    expect(echoShownBy(grantEcho({ store: 'APP_STORE' }), withPromo(END))).to.equal(false);
    expect(echoShownBy(grantEcho({ store: undefined }), withPromo(END))).to.equal(false);
    expect(echoShownBy(grantEcho({ type: 'EXPIRATION' }), withPromo(END))).to.equal(false);
    expect(echoShownBy(grantEcho({ type: 'RENEWAL' }), withPromo(END))).to.equal(false);
    expect(echoShownBy(grantEcho({ store: 'promotional' }), withPromo(END))).to.equal(true);
  });
});

import { expect } from 'chai';
import fc from 'fast-check';
import { newCustomer } from '../../src/domain/customers';
import { summarizeEntitlements } from '../../src/domain/entitlement-summary';
import {
  activeGrants,
  durationEnd,
  grantPromotional,
  revokePromotionals,
} from '../../src/domain/promotional';
import { sequentialIds } from '../support/sequential-ids';

const T0 = Date.UTC(2030, 0, 31);
const HOUR = 3_600_000;
const WINDOW = 2 * HOUR;
const ids = sequentialIds();

const grant = (customer: ReturnType<typeof newCustomer>, endMs: number | null, nowMs = T0, extra = {}) =>
  grantPromotional(customer, {
    entitlement: 'pro',
    endMs,
    durationLabel: 'custom',
    nowMs,
    duplicateWindowMs: WINDOW,
    ids,
    ...extra,
  });

describe('revenuecat-emulator promotional grants', () => {
  it('when monthly durations cross short months, then they follow the calendar (UTC)', () => {
    expect(new Date(durationEnd('monthly', T0)!).toISOString()).to.equal('2030-03-03T00:00:00.000Z');
    expect(new Date(durationEnd('yearly', Date.UTC(2032, 1, 29))!).toISOString()).to.equal(
      '2033-03-01T00:00:00.000Z',
    );
    expect(durationEnd('lifetime', T0)).to.equal(null);
  });

  it('when a grant ends exactly 2 hours from the active end, then it is a duplicate; 1 ms more, then it is not', () => {
    const customer = newCustomer('u', T0);
    grant(customer, T0 + 100 * HOUR);
    const duplicate = grant(customer, T0 + 102 * HOUR);
    expect(duplicate.grant).to.equal(null);
    expect(duplicate.events).to.deep.equal([]);
    expect(duplicate.duplicateOf!.endMs).to.equal(T0 + 100 * HOUR);
    expect(grant(customer, T0 + 102 * HOUR + 1).grant).to.not.equal(null);
  });

  it('when a lifetime grant is active, then every later grant is a duplicate', () => {
    const customer = newCustomer('u', T0);
    grant(customer, null);
    expect(grant(customer, T0 + 1000 * HOUR).grant).to.equal(null);
  });

  it('when the window is 0, then the quirk is off', () => {
    const customer = newCustomer('u', T0);
    grant(customer, T0 + 10 * HOUR);
    expect(grant(customer, T0 + 10 * HOUR + 1, T0, { duplicateWindowMs: 0 }).grant).to.not.equal(null);
  });

  it('when v2 grants while one is active, then nothing is added', () => {
    const customer = newCustomer('u', T0);
    grant(customer, T0 + 10 * HOUR);
    expect(grant(customer, T0 + 500 * HOUR, T0, { skipIfActive: true }).grant).to.equal(null);
  });

  it('for any grant sequence, a duplicate never moves the expiry and the entitlement ends at the latest accepted end', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 15 }), (hours) => {
        const customer = newCustomer('u', T0);
        let latest = 0;
        for (const h of hours) {
          const before = summarizeEntitlements(customer).get('pro')?.expiresMs ?? null;
          const outcome = grant(customer, T0 + h * HOUR);
          const after = summarizeEntitlements(customer).get('pro')!.expiresMs;
          if (outcome.grant === null) expect(after).to.equal(before);
          else latest = Math.max(latest, T0 + h * HOUR);
          expect(outcome.events).to.have.length(outcome.grant === null ? 0 : 1);
        }
        expect(summarizeEntitlements(customer).get('pro')!.expiresMs).to.equal(latest);
      }),
    );
  });

  it('for any grants, revoke ends all active ones now, sends one CANCELLATION each and leaves other entitlements', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 3, max: 5000 }), { maxLength: 10 }), (hours) => {
        const customer = newCustomer('u', T0);
        hours.forEach((h) => grant(customer, T0 + h * HOUR));
        grantPromotional(customer, {
          entitlement: 'other',
          endMs: null,
          durationLabel: 'lifetime',
          nowMs: T0,
          duplicateWindowMs: WINDOW,
          ids,
        });
        const active = activeGrants(customer, 'pro', T0 + HOUR).length;
        const { revoked, events } = revokePromotionals(customer, 'pro', T0 + HOUR, ids);
        expect(revoked).to.have.length(active);
        expect(events.map((e) => e.type)).to.deep.equal(Array(active).fill('CANCELLATION'));
        expect(activeGrants(customer, 'pro', T0 + HOUR)).to.deep.equal([]);
        expect(activeGrants(customer, 'other', T0 + HOUR)).to.have.length(1);
      }),
    );
  });
});

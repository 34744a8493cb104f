import { expect } from 'chai';
import fc from 'fast-check';
import * as actions from '../../src/domain/store-actions';
import { passTime } from '../../src/domain/time-passing';
import { storeContext } from '../support/store-context';

const T0 = Date.UTC(2030, 0, 1);
const DAY = 86_400_000;
const PERIOD = 30 * DAY;

const setup = storeContext;
const ref = { appUserId: 'u', productId: 'team_pro_monthly' };

describe('revenuecat-emulator store lifecycle (pure)', () => {
  it('for any number of whole periods passed, then one RENEWAL per period, in time order, and the expiry follows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: PERIOD - 1 }),
        (periods, extra) => {
          const { customers, at } = setup();
          actions.purchase(at(T0), ref);
          const events = passTime(at(T0 + periods * PERIOD + extra));
          expect(events.map((e) => e.type)).to.deep.equal(Array(periods).fill('RENEWAL'));
          const times = events.map((e) => e.event_timestamp_ms);
          expect(times).to.deep.equal([...times].sort((a, b) => a - b));
          expect(customers.get('u')!.subscriptions[0]!.expiresMs).to.equal(T0 + (periods + 1) * PERIOD);
          expect(passTime(at(T0 + periods * PERIOD + extra))).to.deep.equal([]);
        },
      ),
    );
  });

  it('when auto-renew is off, then the expiry sends one EXPIRATION and nothing after', () => {
    const { at } = setup(false);
    actions.purchase(at(T0), ref);
    const events = passTime(at(T0 + 3 * PERIOD));
    expect(events.map((e) => [e.type, e.event_timestamp_ms])).to.deep.equal([['EXPIRATION', T0 + PERIOD]]);
    expect(passTime(at(T0 + 4 * PERIOD))).to.deep.equal([]);
  });

  it('when a trial renews, then the renewal is a trial conversion into a normal period', () => {
    const { at } = setup();
    actions.purchase(at(T0), { ...ref, periodType: 'TRIAL', periodMs: 7 * DAY });
    const [renewal] = passTime(at(T0 + 7 * DAY));
    expect(renewal).to.include({ type: 'RENEWAL', period_type: 'NORMAL', is_trial_conversion: true });
  });

  it('when a billing issue is recovered by a renewal, then the grace fields clear and no EXPIRATION follows', () => {
    const { customers, at } = setup();
    actions.purchase(at(T0), ref);
    actions.billingIssue(at(T0 + PERIOD - DAY), { ...ref, gracePeriodMs: 3 * DAY });
    const [renewal] = actions.renew(at(T0 + PERIOD + DAY), ref);
    expect(renewal).to.include({ type: 'RENEWAL', purchased_at_ms: T0 + PERIOD + DAY });
    const sub = customers.get('u')!.subscriptions[0]!;
    expect([sub.billingIssueDetectedMs, sub.gracePeriodExpiresMs]).to.deep.equal([null, null]);
    expect(passTime(at(T0 + PERIOD + 5 * DAY))).to.deep.equal([]);
  });

  it('when an action does not fit the state, then it fails with a reason and changes nothing', () => {
    const { customers, at } = setup();
    actions.purchase(at(T0), ref);
    const snapshot = JSON.stringify(customers.all());
    const attempts: [() => unknown, string][] = [
      [() => actions.uncancel(at(T0), ref), 'NOT_CANCELLED'],
      [() => actions.purchase(at(T0), ref), 'ALREADY_SUBSCRIBED'],
      [
        () => actions.productChange(at(T0), { ...ref, newProductId: 'team_pro_monthly', timing: 'now' }),
        'INVALID_ARGUMENT',
      ],
      [() => actions.pause(at(T0), { ...ref, resumeAtMs: T0 + DAY }), 'INVALID_ARGUMENT'],
      [() => actions.renew(at(T0), { appUserId: 'u', productId: 'pro_monthly' }), 'UNKNOWN_SUBSCRIPTION'],
    ];
    for (const [attempt, reason] of attempts) expect(attempt).to.throw().with.property('reason', reason);
    expect(JSON.stringify(customers.all())).to.equal(snapshot);
  });

  it('when a subscription was refunded, then renewing it is refused', () => {
    const { at } = setup();
    actions.purchase(at(T0), ref);
    actions.refund(at(T0 + DAY), ref);
    expect(() => actions.renew(at(T0 + 2 * DAY), ref))
      .to.throw()
      .with.property('reason', 'REFUNDED');
    expect(passTime(at(T0 + 3 * PERIOD))).to.deep.equal([]);
  });
});

import { expect } from 'chai';
import fc from 'fast-check';
import { grantPromotional, revokePromotionals } from '../../src/domain/promotional';
import * as actions from '../../src/domain/store-actions';
import { createTimeKeeper, passTime } from '../../src/domain/time-passing';
import type { WebhookEvent } from '../../src/domain/types';
import { storeContext } from '../support/store-context';

const T0 = Date.UTC(2030, 0, 1);
const DAY = 86_400_000;

/** One emulated store; `tick` lets time pass as the service does (the keeper) or over everyone. */
function store(kind: 'keeper' | 'everyone') {
  const { customers, ids, at } = storeContext();
  const keeper = createTimeKeeper();
  const tick = (nowMs: number) => (kind === 'keeper' ? keeper(at(nowMs)).events : passTime(at(nowMs)));
  return { customers, at, ids, tick, keeper };
}

type Step =
  | { op: 'purchase'; user: number; productId: string; cancelled: boolean }
  | { op: 'grant'; user: number; days: number }
  | { op: 'revoke'; user: number }
  | { op: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('purchase' as const),
    user: fc.integer({ min: 0, max: 5 }),
    productId: fc.constantFrom('pro_monthly', 'team_pro_monthly'),
    cancelled: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('grant' as const),
    user: fc.integer({ min: 0, max: 5 }),
    days: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ op: fc.constant('revoke' as const), user: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 20 * DAY }) }),
);

/** Runs the steps, a tick before each as the service does; what each tick emitted, as comparable tuples. */
function run(kind: 'keeper' | 'everyone', steps: Step[]) {
  const s = store(kind);
  let now = T0;
  const seen: unknown[] = [];
  const record = (events: WebhookEvent[]) =>
    seen.push(events.map((e) => [e.type, e.app_user_id, e.event_timestamp_ms]));
  for (const each of steps) {
    record(s.tick(now));
    const user = `u${'user' in each ? each.user : 0}`;
    if (each.op === 'wait') now += each.ms;
    else if (each.op === 'purchase') {
      if (s.customers.get(user)?.subscriptions.some((sub) => sub.productId === each.productId)) continue;
      actions.purchase(s.at(now), { appUserId: user, productId: each.productId });
      if (each.cancelled) actions.cancel(s.at(now), { appUserId: user, productId: each.productId });
    } else if (each.op === 'grant') {
      const { customer } = s.customers.getOrCreate(user, now);
      grantPromotional(customer, {
        entitlement: 'pro',
        endMs: now + each.days * DAY,
        durationLabel: 'custom',
        nowMs: now,
        duplicateWindowMs: 2 * 3_600_000,
        ids: s.ids,
      });
    } else {
      const customer = s.customers.get(user);
      if (customer) revokePromotionals(customer, 'pro', now, s.ids);
    }
  }
  record(s.tick(now + 400 * DAY));
  return seen;
}

describe('revenuecat-emulator time keeper (pure)', () => {
  it('for any sequence of purchases, cancellations, grants, revokes and waits, then it emits what a pass over everyone emits', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        expect(run('keeper', steps)).to.deep.equal(run('everyone', steps));
      }),
      { numRuns: 300 },
    );
  });

  it('when nothing is due, then a tick looks only at the customers handed out since the last one', () => {
    const s = store('keeper');
    for (let i = 0; i < 1_000; i++)
      actions.purchase(s.at(T0), { appUserId: `m${i}`, productId: 'pro_monthly' });
    expect(s.keeper(s.at(T0)).looked, 'the first tick').to.equal(1_000);
    expect(s.keeper(s.at(T0 + 1_000)).looked, 'nothing handed out').to.equal(0);
    const { customer } = s.customers.getOrCreate('m7', T0);
    grantPromotional(customer, {
      entitlement: 'pro',
      endMs: T0 + DAY,
      durationLabel: 'custom',
      nowMs: T0,
      duplicateWindowMs: 0,
      ids: s.ids,
    });
    expect(s.keeper(s.at(T0 + 2_000)).looked, 'one customer granted').to.equal(1);
    expect(s.keeper(s.at(T0 + DAY)).events.map((e) => [e.type, e.app_user_id])).to.deep.equal([
      ['EXPIRATION', 'm7'],
    ]);
  });
});

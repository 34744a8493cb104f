import { expect } from 'chai';
import fc from 'fast-check';
import { createBatchingProducer, createKafka, type BatchingProducer } from '@teamseat/kafka';
import { waitFor } from '@teamseat/testing';
import { DAY, startStack, type E2eStack } from '../support/e2e-harness';
import {
  access,
  addMember,
  ms,
  newUser,
  promoExpiry,
  storeAction,
  teamOf,
  waitForAccess,
  waitForTeam,
} from '../support/e2e-steps';
import { metricSum } from '../support/metrics';
import { testLogger } from '../support/service-harness';

type Action =
  | { kind: 'renew' | 'cancel' | 'uncancel' | 'expire' }
  | { kind: 'billing_issue'; graceDays: number }
  | { kind: 'product_change'; to: 'team_small_monthly' | 'team_large_monthly' }
  | { kind: 'advance'; days: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.constantFrom<Action>({ kind: 'renew' }, { kind: 'cancel' }, { kind: 'uncancel' }, { kind: 'expire' }),
  fc.integer({ min: 1, max: 7 }).map((graceDays): Action => ({ kind: 'billing_issue', graceDays })),
  fc
    .constantFrom('team_small_monthly' as const, 'team_large_monthly' as const)
    .map((to): Action => ({ kind: 'product_change', to })),
  fc.integer({ min: 1, max: 40 }).map((days): Action => ({ kind: 'advance', days })),
);

interface Cast {
  owner: string;
  members: [string, string];
  product: string;
}

type Event = Record<string, unknown> & { id: string; type: string };

const VARIANTS = ['in order', 'three times over', 'shuffled'] as const;

describe('one webhook stream, delivered in order, three times over, or shuffled (property)', function () {
  this.timeout(300_000);
  let stack: E2eStack;
  let producer: BatchingProducer;

  before(async () => {
    // No gateway: the test decides what reaches Kafka and in which order. The clock only moves when told.
    stack = await startStack({
      gateway: false,
      emulator: { clock: { startMs: Date.UTC(2035, 0, 1), frozen: true } },
    });
    const logger = testLogger();
    producer = createBatchingProducer({
      kafka: createKafka({ brokers: stack.config.KAFKA_BROKERS, clientId: 'stream-test', logger }),
      logger,
    });
    await producer.connect();
  });
  after(async () => {
    await producer.disconnect();
    await stack.stop();
  });

  const deliver = (events: Event[]) =>
    producer.sendMany(
      stack.topics.webhooks,
      events.map((event) => ({
        key:
          (event.app_user_id as string | undefined) ??
          (event.transferred_to as string[] | undefined)?.[0] ??
          event.id,
        value: JSON.stringify({ api_version: '1.0', event }),
        headers: { 'rc-event-id': event.id, 'rc-event-type': event.type },
      })),
    );
  const handledWebhooks = () =>
    metricSum(stack.service.registry, 'entitlement_messages_handled_total', { topic: stack.topics.webhooks });

  /** Applies one action to every cast's subscription at the same emulator time; events per cast. */
  function apply(action: Action, casts: Cast[]): Event[][] {
    if (action.kind === 'advance') {
      const events = stack.emulator.service.advance(action.days * DAY) as Event[];
      const users = casts.map((c) => new Set([c.owner, ...c.members]));
      return users.map((set) => events.filter((e) => set.has(e.app_user_id as string)));
    }
    return casts.map((cast) => {
      const input: Record<string, unknown> = { appUserId: cast.owner, productId: cast.product };
      if (action.kind === 'billing_issue') input.gracePeriodMs = action.graceDays * DAY;
      if (action.kind === 'product_change') Object.assign(input, { newProductId: action.to, timing: 'now' });
      try {
        const events = storeAction(stack, action.kind, input) as Event[];
        if (action.kind === 'product_change') cast.product = action.to;
        return events;
      } catch {
        return []; // a precondition (renewing an expired plan...) fails the same way for every cast
      }
    });
  }

  async function finalState(cast: Cast) {
    const team = await teamOf(stack, cast.owner);
    const users = [cast.owner, ...cast.members];
    return {
      team: team && {
        status: team.status,
        seatLimit: team.seatLimit,
        productId: team.productId,
        periodEndsAt: ms(team.periodEndsAt),
        memberCount: team.memberCount,
      },
      ownerTeamAdmin: (await access(stack, cast.owner, 'team_admin')).active,
      access: await Promise.all(
        users.map(async (u) => {
          const a = await access(stack, u);
          return { active: a.active, expiresAt: ms(a.expiresAt) };
        }),
      ),
      emulatorPromo: cast.members.map((m) => {
        const end = promoExpiry(stack, m);
        return end === undefined || end <= stack.emulator.clock.now() ? 'none' : end;
      }),
    };
  }

  it('when the same actions are delivered in the three ways, then team-service, the database and the emulator end the same', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(actionArb, { minLength: 1, maxLength: 6 }),
        fc.integer(),
        async (actions, seed) => {
          const casts: Cast[] = VARIANTS.map(() => ({
            owner: newUser('s-owner'),
            members: [newUser('s-m'), newUser('s-m')],
            product: 'team_large_monthly',
          }));
          const before = await handledWebhooks();
          const purchases = casts.map(
            (c) => storeAction(stack, 'purchase', { appUserId: c.owner, productId: c.product }) as Event[],
          );
          await deliver(purchases.flat());
          for (const cast of casts) {
            const team = await waitForTeam(stack, cast.owner, () => true, 60_000);
            for (const member of cast.members) await addMember(stack, team.teamId, cast.owner, member);
            for (const member of cast.members) await waitForAccess(stack, member, (a) => a.active, 60_000);
          }
          const streams: Event[][] = casts.map(() => []);
          for (const action of actions) {
            // A second passes before each action, as between real store events (team-service applies only a
            // state whose RevenueCat time is after the last one it applied).
            for (const step of [{ kind: 'advance', days: 1 / 86_400 } as Action, action]) {
              apply(step, casts).forEach((events, i) => streams[i]!.push(...events));
            }
          }

          const [inOrder, repeated, shuffled] = streams as [Event[], Event[], Event[]];
          const order = shuffled
            .map((_, i) => i)
            .sort((a, b) => ((a * 7919 + seed) % 31) - ((b * 7919 + seed) % 31));
          const deliveries = [
            inOrder,
            [...repeated, ...repeated, ...repeated],
            order.map((i) => shuffled[i]!),
          ];
          await Promise.all(deliveries.map(deliver));
          const expected = before + purchases.flat().length + deliveries.reduce((n, d) => n + d.length, 0);
          await waitFor(async () => (await handledWebhooks()) >= expected, { timeoutMs: 60_000 });

          // Reconciles triggered by the last team events may still run: wait until the three agree and hold still.
          let states: unknown[] = [];
          await waitFor(
            async () => {
              const first = await Promise.all(casts.map(finalState));
              await new Promise((resolve) => setTimeout(resolve, 500));
              states = await Promise.all(casts.map(finalState));
              return (
                JSON.stringify(first) === JSON.stringify(states) &&
                states.every((s) => JSON.stringify(s) === JSON.stringify(states[0]))
              );
            },
            { timeoutMs: 60_000, intervalMs: 200 },
          ).catch(() => undefined);
          expect(
            states[1],
            `${VARIANTS[1]} vs ${VARIANTS[0]} after ${JSON.stringify(actions)}`,
          ).to.deep.equal(states[0]);
          expect(
            states[2],
            `${VARIANTS[2]} vs ${VARIANTS[0]} after ${JSON.stringify(actions)}`,
          ).to.deep.equal(states[0]);
        },
      ),
      { numRuns: 8 },
    );
  });
});

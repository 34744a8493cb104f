import { expect } from 'chai';
import { consumeMessages, waitFor } from '@teamseat/testing';
import { waitConverged } from './support/convergence';
import { deadLetters } from './support/dead-letters';
import { recordFigures } from './support/figures';
import { checkAccess } from './support/grpc-clients';
import { newUser, sleep } from './support/load';
import { startSystem, type System } from './support/system';
import { derivedTopics } from './support/topics';

const OTHERS = 100;
/** RETRY_PARK_AFTER_MS in startSystem: how long a message may fail before it is parked. */
const PARK_AFTER_MS = 20_000;
/** Time the others may take beyond the bound: their own processing, at 20 RevenueCat calls a second. */
const MARGIN_MS = 30_000;

describe('fault: one poison user among 100 on the same partition', function () {
  this.timeout(8 * 60_000);
  let system: System;
  before(async () => {
    // One partition: every user's webhooks share it with the poison user's.
    system = await startSystem({
      partitions: 1,
      entitlementEnv: { RETRY_PARK_AFTER_MS: String(PARK_AFTER_MS) },
    });
  });
  after(() => system?.stop());

  it('when RevenueCat fails every call for one user, then the 100 others converge within the bound, the poison one is parked, and it is processed once its calls succeed', async () => {
    const { emulator, clients } = system;
    const poison = newUser('poison');
    await emulator.failUser(poison, { status: 500 });
    await emulator.purchase(poison, 'pro_monthly');
    const others = Array.from({ length: OTHERS }, () => newUser('healthy'));
    const boughtAt = new Map<string, number>();
    for (const user of others) {
      await emulator.purchase(user, 'pro_monthly');
      boughtAt.set(user, Date.now());
    }

    // Each other user's wait: from its purchase until CheckAccess says pro.
    const waits = new Map<string, number>();
    const deadline = Date.now() + PARK_AFTER_MS + MARGIN_MS;
    while (waits.size < OTHERS && Date.now() < deadline) {
      for (const user of others.filter((u) => !waits.has(u)))
        if ((await checkAccess(clients, user).catch(() => ({ active: false }))).active)
          waits.set(user, Date.now() - boughtAt.get(user)!);
      await sleep(500);
    }
    const poisonWhileFailing = (await checkAccess(clients, poison)).active;
    const sorted = [...waits.values()].sort((a, b) => a - b);
    const stalled = others.filter((u) => !waits.has(u));
    recordFigures('one poison user among 100 on one partition', {
      others: OTHERS,
      parkAfterMs: PARK_AFTER_MS,
      convergedOthers: waits.size,
      othersWaitMedianMs: sorted[Math.floor(sorted.length / 2)] ?? null,
      othersWaitMaxMs: sorted.at(-1) ?? null,
    });
    expect(
      stalled,
      `users without access ${PARK_AFTER_MS + MARGIN_MS} ms after the poison one`,
    ).to.deep.equal([]);
    expect(poisonWhileFailing, 'the poison user has access while RevenueCat fails its calls').to.equal(false);

    // The others no longer wait for the bound (ADR 0027); the poison message still fails until it passes it,
    // and is then parked, not dead-lettered.
    const parkedPoison = async () => {
      const topics = await derivedTopics(system.brokers, system.consumedTopics[0]!);
      const counts = await Promise.all(
        topics
          .filter((topic) => topic.endsWith('.parked'))
          .map(
            async (topic) =>
              (await consumeMessages(system.brokers, topic, { quietMs: 1_000 })).filter(
                (m) => m.key === poison,
              ).length,
          ),
      );
      return counts.reduce((sum, n) => sum + n, 0);
    };
    const parkedBeforeHeal = await waitFor(async () => ((await parkedPoison()) > 0 ? true : undefined), {
      timeoutMs: PARK_AFTER_MS + MARGIN_MS,
      intervalMs: 2_000,
      description: 'the poison message on the parking topic',
    }).catch(() => false);
    expect(parkedBeforeHeal, 'the poison message parked once it failed past the bound').to.equal(true);

    // Its record heals: the parked message is retried with growing delay and goes through.
    await emulator.clearUser(poison);
    const clearedAt = Date.now();
    const healed = await waitFor(async () => (await checkAccess(clients, poison)).active, {
      timeoutMs: 180_000,
      intervalMs: 1_000,
      description: 'the poison user to get access once its calls succeed',
    }).catch(() => false);
    const healedMs = Date.now() - clearedAt;
    const dead = await deadLetters(system.brokers, system.consumedTopics);
    // Where it was parked is the consumer's business; a topic derived from the webhook topic is the
    // convention (like `.dlq`), so the figure names those and how many of the poison user's messages they got.
    const parking = await derivedTopics(system.brokers, system.consumedTopics[0]!);
    const parked = await Promise.all(
      parking.map(async (topic) => ({
        topic,
        poisonMessages: (await consumeMessages(system.brokers, topic, { quietMs: 1_000 })).filter(
          (m) => m.key === poison,
        ).length,
      })),
    );
    recordFigures('poison user healed', {
      parked,
      poisonProcessed: healed,
      poisonProcessedAfterClearMs: healed ? healedMs : null,
      deadLetters: dead.length,
      deadLetterReasons: [...new Set(dead.map((d) => d.error))].slice(0, 5),
    });
    expect(dead, 'dead letters').to.deep.equal([]);
    expect(healed, 'the poison user processed within 180 s of its calls succeeding').to.equal(true);
    await system.explain(
      waitConverged(clients, emulator, { owners: [], personal: [poison, ...others] }, 30_000),
    );
  });
});

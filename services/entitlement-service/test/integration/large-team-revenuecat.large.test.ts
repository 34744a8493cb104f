import { performance } from 'node:perf_hooks';
import { createKafka } from '@teamseat/kafka';
import { waitFor } from '@teamseat/testing';
import { expect } from 'chai';
import { E2E_CATALOG, startStack, writeCatalog, type E2eStack } from '../support/e2e-harness';
import { addMember, newUser, promoExpiry, storeAction, waitForTeam } from '../support/e2e-steps';
import { call, testLogger } from '../support/service-harness';

// Issue 17 point 4, the RevenueCat leg: every member's grant and revoke of a large team reaches RevenueCat
// (the emulator) at about the rate floor, members / REVENUECAT_RATE_PER_SECOND. 25,000 members at 8/s
// would take almost an hour per leg, so by default 2,000 members at 50 calls/s (floor 40 s).
const MEMBERS = Number(process.env.LARGE_TEAM_RC_MEMBERS ?? 2_000);
const RATE = Number(process.env.LARGE_TEAM_RC_RATE ?? 50);
const LATE = 100;
/** Members per page of the access report: several pages even for a small run. */
const PAGE = Math.min(500, Math.ceil(MEMBERS / 4));
const PRODUCT = 'team_huge_monthly';

async function inParallel(count: number, concurrency: number, work: (i: number) => Promise<unknown>) {
  let next = 0;
  const caller = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
}

/**
 * When team-service's relay had put `count` more grant-terms facts on Kafka than when it was called: the end of
 * the team-service leg, so that the RevenueCat leg after it can be told apart.
 */
function watchFacts(stack: E2eStack, count: number) {
  const kafka = createKafka({
    brokers: stack.config.KAFKA_BROKERS,
    clientId: 'large-team-facts',
    logger: testLogger(),
  });
  const admin = kafka.admin();
  const started = Date.now();
  let watching = true;
  const total = async () =>
    (await admin.fetchTopicOffsets(stack.topics.memberGrants)).reduce((sum, p) => sum + Number(p.high), 0);
  const seconds = (async () => {
    await admin.connect();
    try {
      const target = (await total()) + count;
      while (watching && (await total()) < target) await new Promise((resolve) => setTimeout(resolve, 250));
      return watching ? ((Date.now() - started) / 1000).toFixed(1) : 'never seen';
    } finally {
      await admin.disconnect();
    }
  })();
  /** Once every grant landed the facts were on Kafka; a count that never matched reads "never seen". */
  const stop = async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    watching = false;
    return seconds;
  };
  return { stop };
}

/** RevenueCat calls made so far, by operation, their time in all, and the time they waited for the limiter. */
async function revenueCatWork(stack: E2eStack) {
  const values = async (name: string) =>
    (await stack.service.registry.getSingleMetric(name)?.get())?.values ?? [];
  const total = async (name: string, suffix: string) =>
    (await values(name))
      .filter((v) => (v as { metricName?: string }).metricName?.endsWith(suffix))
      .reduce((sum, v) => sum + v.value, 0);
  const calls: Record<string, number> = {};
  for (const { labels, value } of await values('revenuecat_calls_total')) {
    const operation = String(labels.operation);
    calls[operation] = (calls[operation] ?? 0) + value;
  }
  const webhooks: Record<string, number> = {};
  for (const { labels, value } of await values('entitlement_messages_handled_total')) {
    if (labels.topic !== stack.topics.webhooks) continue;
    const outcome = String(labels.outcome);
    webhooks[outcome] = (webhooks[outcome] ?? 0) + value;
  }
  return {
    loop: performance.eventLoopUtilization(),
    calls,
    webhooks,
    callSeconds: await total('revenuecat_call_seconds', '_sum'),
    callCount: await total('revenuecat_call_seconds', '_count'),
    waitSeconds: await total('revenuecat_limiter_wait_seconds', '_sum'),
    waitCount: await total('revenuecat_limiter_wait_seconds', '_count'),
  };
}

/** What the leg cost: calls by operation, a call's mean time, and its mean wait for the limiter. */
function describeWork(before: Awaited<ReturnType<typeof revenueCatWork>>, after: typeof before) {
  const calls = Object.entries(after.calls)
    .map(([operation, count]) => [operation, count - (before.calls[operation] ?? 0)] as const)
    .filter(([, count]) => count > 0)
    .map(([operation, count]) => `${operation} ${count}`)
    .join(', ');
  const meanMs = (seconds: number, count: number) => (count > 0 ? (seconds / count) * 1000 : 0).toFixed(0);
  const webhooks = Object.entries(after.webhooks)
    .map(([outcome, count]) => [outcome, count - (before.webhooks[outcome] ?? 0)] as const)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${outcome} ${count}`)
    .join(', ');
  const call = meanMs(after.callSeconds - before.callSeconds, after.callCount - before.callCount);
  const wait = meanMs(after.waitSeconds - before.waitSeconds, after.waitCount - before.waitCount);
  // Every service runs in this process: a loop busy near 100 % means the machine, not the design, set the pace.
  const busy = performance.eventLoopUtilization(after.loop, before.loop).utilization;
  return `calls: ${calls}; webhooks: ${webhooks}; mean call ${call} ms; mean wait for the limiter ${wait} ms; event loop busy ${(busy * 100).toFixed(0)} %`;
}

interface ReportPage {
  report: { grants: Array<{ userId: string; state: string }>; nextPageToken: string; totalMembers: number };
}

describe(`a team of ${MEMBERS} members end to end with RevenueCat at ${RATE} calls/s`, function () {
  this.timeout(1_800_000);
  let stack: E2eStack;
  let owner: string;
  let teamId: string;
  const members = Array.from({ length: MEMBERS }, (_, i) => `member-${String(i).padStart(6, '0')}`);
  const floorSeconds = MEMBERS / RATE;

  before(async () => {
    const catalog = {
      ...E2E_CATALOG,
      products: [
        ...E2E_CATALOG.products,
        {
          productId: PRODUCT,
          managementEntitlement: 'team_admin',
          memberEntitlements: ['pro'],
          seats: MEMBERS + LATE,
          grantMode: 'period',
          shrinkPolicy: 'block',
          periodDays: 30,
        },
      ],
    };
    stack = await startStack({
      catalogFile: writeCatalog(catalog),
      env: { REVENUECAT_RATE_PER_SECOND: String(RATE) },
    });
    owner = newUser('owner');
    storeAction(stack, 'purchase', { appUserId: owner, productId: PRODUCT });
    teamId = (await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE')).teamId;
  });
  after(async () => stack?.stop());

  const report = (pageToken: string) =>
    call<ReportPage>(stack.ent as never, 'GetTeamAccessReport', { teamId, pageSize: PAGE, pageToken });

  it('when members are added, then every grant reaches RevenueCat at about the rate floor', async () => {
    const started = Date.now();
    const work = await revenueCatWork(stack);
    await inParallel(MEMBERS, 16, (i) => addMember(stack, teamId, owner, members[i]!));
    const added = Date.now();
    await waitFor(() => members.every((member) => promoExpiry(stack, member) !== undefined), {
      timeoutMs: (floorSeconds * 10 + 120) * 1_000,
      intervalMs: 500,
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `      (${MEMBERS} added in ${(added - started) / 1000} s; every grant in RevenueCat after ${seconds} s; ` +
        `floor ${floorSeconds} s; ratio ${(seconds / floorSeconds).toFixed(2)}; ${describeWork(work, await revenueCatWork(stack))})`,
    );
  });

  it('when the team renews, then every extended grant reaches RevenueCat at about the rate floor', async () => {
    const before = new Map(members.map((member) => [member, promoExpiry(stack, member) ?? 0]));
    const started = Date.now();
    const facts = watchFacts(stack, MEMBERS);
    const work = await revenueCatWork(stack);
    storeAction(stack, 'renew', { appUserId: owner, productId: PRODUCT });
    await waitFor(() => members.every((member) => (promoExpiry(stack, member) ?? 0) > before.get(member)!), {
      timeoutMs: (floorSeconds * 10 + 120) * 1_000,
      intervalMs: 500,
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `      (${MEMBERS} extended grants in RevenueCat after ${seconds} s; floor ${floorSeconds} s; ratio ${(seconds / floorSeconds).toFixed(2)}; ` +
        `the facts were all on Kafka after ${await facts.stop()} s; ${describeWork(work, await revenueCatWork(stack))})`,
    );
  });

  it('when the access report is paged while members join, then every member is on exactly one page', async () => {
    const seen: string[] = [];
    let pages = 0;
    let pageToken = '';
    const joining = inParallel(LATE, 4, (i) => addMember(stack, teamId, owner, `late-${i}`));
    do {
      const { report: page } = await report(pageToken);
      const users = new Set(page.grants.map((row) => row.userId));
      expect(users.size, 'members on one page').to.be.at.most(PAGE);
      seen.push(...users);
      pageToken = page.nextPageToken;
      pages += 1;
    } while (pageToken);
    await joining;
    expect(pages, 'pages').to.be.greaterThan(1);
    expect(new Set(seen).size, 'members on two pages').to.equal(seen.length);
    const listed = new Set(seen);
    expect(
      members.filter((member) => !listed.has(member)),
      'members on no page',
    ).to.deep.equal([]);
    const { report: first } = await report('');
    expect(first.totalMembers).to.equal(MEMBERS + LATE);
  });

  it('when the team expires, then every revoke reaches RevenueCat at about the rate floor', async () => {
    const everyone = [...members, ...Array.from({ length: LATE }, (_, i) => `late-${i}`)];
    const started = Date.now();
    const facts = watchFacts(stack, everyone.length);
    const work = await revenueCatWork(stack);
    storeAction(stack, 'expire', { appUserId: owner, productId: PRODUCT });
    await waitFor(
      () =>
        everyone.every((member) => {
          const until = promoExpiry(stack, member);
          return until === undefined || until <= stack.emulator.clock.now();
        }),
      { timeoutMs: (floorSeconds * 10 + 120) * 1_000, intervalMs: 500 },
    );
    const seconds = (Date.now() - started) / 1000;
    const floor = everyone.length / RATE;
    console.log(
      `      (${everyone.length} revokes in RevenueCat after ${seconds} s; floor ${floor} s; ratio ${(seconds / floor).toFixed(2)}; ` +
        `the facts were all on Kafka after ${await facts.stop()} s; ${describeWork(work, await revenueCatWork(stack))})`,
    );
  });
});

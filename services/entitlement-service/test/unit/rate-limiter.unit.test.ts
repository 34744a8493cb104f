import { expect } from 'chai';
import { AppError } from '@teamseat/errors';
import { createRateLimiter, type Lane } from '../../src/adapters/revenuecat/rate-limiter';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Schedules `count` jobs at once; resolves with each job's start time (ms after scheduling) in order. */
async function startTimes(
  limiter: ReturnType<typeof createRateLimiter>,
  count: number,
  jobMs = 0,
): Promise<number[]> {
  const origin = performance.now();
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: count }, () =>
      limiter.schedule(async () => {
        starts.push(performance.now() - origin);
        if (jobMs > 0) await sleep(jobMs);
      }),
    ),
  );
  return starts;
}

describe('RevenueCat rate limiter', () => {
  it('when a call finds the rate free, then it starts in the same tick', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 10, wallClock: Date.now });
    let started = false;
    const done = limiter.schedule(async (waitedMs) => {
      started = true;
      return waitedMs;
    });
    expect(started, 'started before the scheduler returned').to.equal(true);
    expect(await done).to.be.lessThan(1);
  });

  it('when many calls are queued, then they start evenly spaced at the rate, in order', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 50, wallClock: Date.now });
    const starts = await startTimes(limiter, 11);
    // 10 spacings of 20 ms: never faster than the rate (what RevenueCat counts). A late timer does not move
    // the grid (the average rate stays exact), so one gap may be short after a late one; what holds whatever the
    // machine's load is that no window of time holds more than one call beyond its share: between the i-th and
    // the j-th start lie at least j - i - 1 spacings. The upper bound only catches a limiter that stalls.
    expect(starts[10]! - starts[0]!).to.be.within(199, 2_000);
    for (let i = 0; i < starts.length; i++) {
      for (let j = i + 1; j < starts.length; j++) {
        expect(starts[j]! - starts[i]!, `starts ${i} to ${j}`).to.be.at.least((j - i - 1) * 20 - 1);
      }
    }
  });

  it('when the concurrency limit is reached, then the next call waits for one to finish', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1_000, maxConcurrent: 2, wallClock: Date.now });
    const starts = await startTimes(limiter, 3, 50);
    expect(starts[1]! - starts[0]!).to.be.lessThan(20);
    expect(starts[2]! - starts[0]!).to.be.at.least(45);
  });

  it('when RevenueCat asks to back off, then nothing starts before the moment, then calls resume at the spacing', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 20, wallClock: Date.now });
    limiter.holdUntil(Date.now() + 150);
    expect(limiter.heldUntilMs).to.be.greaterThan(Date.now());
    const starts = await startTimes(limiter, 3);
    expect(starts[0]).to.be.at.least(140);
    expect(starts[2]! - starts[0]!).to.be.at.least(95);
  });

  it('when a hold is shorter than the current one, then it changes nothing', () => {
    const limiter = createRateLimiter({ ratePerSecond: 20, wallClock: Date.now });
    const until = Date.now() + 10_000;
    limiter.holdUntil(until);
    limiter.holdUntil(until - 5_000);
    expect(limiter.heldUntilMs).to.equal(until);
  });

  it('when the headers say the window is used up, then it holds; when they do not, it does not', () => {
    const limiter = createRateLimiter({ ratePerSecond: 20, fullWindowHoldMs: 1_000, wallClock: Date.now });
    limiter.observeHeaders(
      new Headers({
        'RevenueCat-Rate-Limit-Current-Usage': '3',
        'RevenueCat-Rate-Limit-Current-Limit': '480',
      }),
    );
    expect(limiter.heldUntilMs).to.equal(0);
    limiter.observeHeaders(
      new Headers({
        'RevenueCat-Rate-Limit-Current-Usage': '480',
        'RevenueCat-Rate-Limit-Current-Limit': '480',
      }),
    );
    expect(limiter.heldUntilMs).to.be.greaterThan(Date.now() + 500);
  });

  it('when a job throws or rejects, then its caller gets the error and the next call still runs', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1_000, wallClock: Date.now });
    const thrown = await limiter
      .schedule(() => {
        throw new Error('sync');
      })
      .catch((error: Error) => error.message);
    const rejected = await limiter
      .schedule(() => Promise.reject(new Error('async')))
      .catch((error: Error) => error.message);
    expect([thrown, rejected]).to.deep.equal(['sync', 'async']);
    expect(await limiter.schedule(async () => 'next')).to.equal('next');
  });

  it('when stopped, then waiting calls are refused and new ones too', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, wallClock: Date.now });
    await limiter.schedule(async () => undefined);
    const waiting = limiter.schedule(async () => 'never').catch((error: Error) => error.message);
    expect(limiter.queued()).to.equal(1);
    await limiter.stop();
    expect(await waiting).to.match(/stopped/);
    expect(await limiter.schedule(async () => 'late').catch((error: Error) => error.message)).to.match(
      /stopped/,
    );
  });

  it('when the settings are impossible, then it refuses to start', () => {
    expect(() => createRateLimiter({ ratePerSecond: 0, wallClock: Date.now })).to.throw(/ratePerSecond/);
    expect(() => createRateLimiter({ ratePerSecond: 1, maxConcurrent: 0, wallClock: Date.now })).to.throw(
      /maxConcurrent/,
    );
  });

  describe('bounds, lanes and cancellation (ADR 0022)', () => {
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => error as AppError,
      );

    /** A limiter whose one slot is taken by a call that lasts until `release()`. */
    async function busyLimiter(options: Partial<Parameters<typeof createRateLimiter>[0]> = {}) {
      const limiter = createRateLimiter({
        ratePerSecond: 1_000,
        maxConcurrent: 1,
        wallClock: Date.now,
        ...options,
      });
      let release!: () => void;
      const running = limiter.schedule(() => new Promise<void>((resolve) => (release = resolve)));
      return { limiter, release: async () => (release(), running) };
    }

    it('when a lane holds its most waiting calls, then the next one is refused at once with RESOURCE_EXHAUSTED naming the lane and bound', async () => {
      const { limiter, release } = await busyLimiter({ lanes: { 'on-demand': { maxQueued: 2 } } });
      const queued = [1, 2].map(() => limiter.schedule(async () => 'ran', { lane: 'on-demand' }));
      const error = await refusal(limiter.schedule(async () => 'ran', { lane: 'on-demand' }));
      expect(error).to.be.instanceOf(AppError);
      expect(error).to.include({
        code: 'RESOURCE_EXHAUSTED',
        reason: 'REVENUECAT_QUEUE_FULL',
        retriable: true,
      });
      expect(error!.message).to.match(/on-demand work: 2 calls already queued/);
      expect(limiter.queued('on-demand')).to.equal(2);
      // Another lane has its own bound.
      const background = limiter.schedule(async () => 'ran', { lane: 'background' });
      await release();
      expect(await Promise.all([...queued, background])).to.deep.equal(['ran', 'ran', 'ran']);
    });

    it('when a lane bound is 0, then a call that finds a free slot still starts', async () => {
      const limiter = createRateLimiter({
        ratePerSecond: 10,
        wallClock: Date.now,
        lanes: { 'on-demand': { maxQueued: 0 } },
      });
      expect(await limiter.schedule(async () => 'ran', { lane: 'on-demand' })).to.equal('ran');
    });

    it('when a call waits longer than its lane allows, then it fails with UNAVAILABLE naming the wait, and never runs', async () => {
      const { limiter, release } = await busyLimiter({ lanes: { 'on-demand': { maxWaitMs: 50 } } });
      let ran = false;
      const error = await refusal(limiter.schedule(async () => (ran = true), { lane: 'on-demand' }));
      expect(error).to.include({ code: 'UNAVAILABLE', reason: 'REVENUECAT_QUEUE_TIMEOUT', retriable: true });
      expect(error!.message).to.match(/waited 50 ms/);
      expect(limiter.queued()).to.equal(0);
      await release();
      await sleep(10);
      expect(ran).to.equal(false);
    });

    it('when the caller aborts a waiting call, then it leaves the queue and never runs; an aborted signal is refused at once', async () => {
      const { limiter, release } = await busyLimiter();
      const controller = new AbortController();
      let ran = false;
      const waiting = refusal(limiter.schedule(async () => (ran = true), { signal: controller.signal }));
      expect(limiter.queued()).to.equal(1);
      controller.abort();
      expect(await waiting).to.include({ reason: 'REVENUECAT_CALL_CANCELLED' });
      expect(limiter.queued()).to.equal(0);
      expect(
        await refusal(limiter.schedule(async () => (ran = true), { signal: controller.signal })),
      ).to.include({
        reason: 'REVENUECAT_CALL_CANCELLED',
      });
      await release();
      await sleep(10);
      expect(ran).to.equal(false);
    });

    it('when calls of every lane wait, then revokes start first, then background work, then on-demand syncs', async () => {
      const { limiter, release } = await busyLimiter({ onDemandShare: 0 });
      const order: string[] = [];
      const queue = (lane: Lane, name: string) =>
        limiter.schedule(async () => void order.push(name), { lane });
      const all = [
        queue('on-demand', 'sync-1'),
        queue('background', 'webhook-1'),
        queue('on-demand', 'sync-2'),
        queue('revoke', 'revoke-1'),
        queue('background', 'webhook-2'),
        queue('revoke', 'revoke-2'),
      ];
      await release();
      await Promise.all(all);
      expect(order).to.deep.equal(['revoke-1', 'revoke-2', 'webhook-1', 'webhook-2', 'sync-1', 'sync-2']);
    });

    it('when syncs and background work both wait, then syncs get their share of the starts, never more', async () => {
      const { limiter, release } = await busyLimiter({ onDemandShare: 0.25 });
      const order: string[] = [];
      const all = Array.from({ length: 12 }, (_, i) => [
        limiter.schedule(async () => void order.push('sync'), { lane: 'on-demand' }),
        limiter.schedule(async () => void order.push(`bg-${i}`), { lane: 'background' }),
      ]).flat();
      await release();
      await Promise.all(all);
      const firstSixteen = order.slice(0, 16);
      expect(firstSixteen.filter((name) => name === 'sync')).to.have.length(4);
      // Once background work is done, the remaining syncs get the whole rate.
      expect(order.slice(16).every((name) => name === 'sync')).to.equal(true);
    });

    it('when a revoke is queued behind a flood of syncs, then it starts next', async () => {
      const { limiter, release } = await busyLimiter();
      const order: string[] = [];
      const syncs = Array.from({ length: 20 }, () =>
        limiter.schedule(async () => void order.push('sync'), { lane: 'on-demand' }),
      );
      const revoke = limiter.schedule(async () => void order.push('revoke'), { lane: 'revoke' });
      await release();
      await Promise.all([...syncs, revoke]);
      expect(order[0]).to.equal('revoke');
    });
  });
});

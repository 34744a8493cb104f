import { expect } from 'chai';
import { createRateLimiter } from '../../src/adapters/revenuecat/rate-limiter';

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
    // 10 spacings of 20 ms: never faster than the rate (what RevenueCat counts). Not much slower either, with
    // room for late timers on a loaded 2-core machine (it measured 262 ms there with a 260 ms bound).
    expect(starts[10]! - starts[0]!).to.be.within(199, 600);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).to.be.greaterThan(15);
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
});

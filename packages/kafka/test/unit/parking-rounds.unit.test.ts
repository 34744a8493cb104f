import { expect } from 'chai';
import fc from 'fast-check';
import { AppError } from '@teamseat/errors';
import { createRetryTracker, parkingRounds, retryDelayMs } from '../../src';

const MINUTE = 60_000;

describe('parking rounds and the retry tracker', () => {
  it('when parked messages wait 1 min doubling to 1 h, then there are 7 rounds, the last capped at 1 h', () => {
    expect(parkingRounds({ initialMs: MINUTE, maxMs: 60 * MINUTE }).map((ms) => ms / MINUTE)).to.deep.equal([
      1, 2, 4, 8, 16, 32, 60,
    ]);
  });

  it('when any delays are configured, then the rounds grow, start at the initial one and end at the max', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (initial, extra) => {
          const rounds = parkingRounds({ initialMs: initial, maxMs: initial + extra });
          expect(rounds[0]).to.equal(initial);
          expect(rounds.at(-1)).to.equal(initial + extra);
          for (let i = 1; i < rounds.length; i += 1) expect(rounds[i]!).to.be.greaterThan(rounds[i - 1]!);
        },
      ),
    );
  });

  it('when the delays make no sense, then the error names the field', () => {
    expect(() => parkingRounds({ initialMs: 0, maxMs: 10 })).to.throw('initialMs must be positive');
    expect(() => parkingRounds({ initialMs: 10, maxMs: 5 })).to.throw('maxMs must be at least initialMs');
  });

  it('when two messages of a partition fail, then each has its own attempts and hold, and settling one keeps the other', () => {
    let now = 1_000;
    const tracker = createRetryTracker({ now: () => now });
    tracker.failed('t', 0, '5');
    now += 500;
    expect(tracker.failed('t', 0, '5')).to.include({ attempts: 2, firstFailedAtMs: 1_000 });
    now += 500;
    expect(tracker.failed('t', 0, '6')).to.include({ attempts: 1, firstFailedAtMs: 2_000 });
    expect(tracker.failed('t', 0, '5')).to.include({ attempts: 3, firstFailedAtMs: 1_000 });
    tracker.failed('t', 1, '9');
    tracker.settled('t', 0, '5');
    expect(tracker.held().map(({ partition, offset }) => `${partition}/${offset}`)).to.deep.equal([
      '0/6',
      '1/9',
    ]);
    tracker.keepOnly({ t: [0] });
    expect(tracker.held().map(({ offset }) => offset)).to.deep.equal(['6']);
  });

  it('when an error says how long to wait, then that is the delay; otherwise it doubles with jitter up to the max', () => {
    const down = new AppError('UNAVAILABLE', 'down', { retriable: true });
    const limited = new AppError('RESOURCE_EXHAUSTED', 'slow down', {
      retriable: true,
      details: { retryAfterMs: 7_000 },
    });
    const backoff = { initialMs: 100, maxMs: 1_000 };
    expect(retryDelayMs(limited, 1, backoff)).to.equal(7_000);
    expect(retryDelayMs(down, 1, backoff, () => 1)).to.equal(100);
    expect(retryDelayMs(down, 3, backoff, () => 0)).to.equal(200);
    expect(retryDelayMs(down, 20, backoff, () => 1)).to.equal(1_000);
  });
});

import { expect } from 'chai';
import fc from 'fast-check';
import { createClock } from '../../src/domain/clock';
import { createRandom } from '../../src/adapters/random';
import { createRateLimiter } from '../../src/domain/rate-limiter';
import { shuffle } from '../../src/adapters/webhooks/delivery-shaping';

describe('revenuecat-emulator building blocks', () => {
  describe('virtual clock', () => {
    it('when frozen, then it stands still until advanced or set, and reset returns to the start', () => {
      let wall = 5_000;
      const clock = createClock({ startMs: 1_000, frozen: true, wallNow: () => wall });
      wall += 10_000;
      expect(clock.now()).to.equal(1_000);
      expect(clock.advance(500)).to.equal(1_500);
      expect(clock.set(9_000)).to.equal(9_000);
      clock.reset();
      expect(clock.now()).to.equal(1_000);
    });

    it('when running, then wall time passes through and advancing adds an offset', () => {
      let wall = 5_000;
      const clock = createClock({ startMs: 1_000, wallNow: () => wall });
      wall += 250;
      expect(clock.now()).to.equal(1_250);
      clock.advance(1_000);
      expect(clock.now()).to.equal(2_250);
    });

    it('when asked to go back, then it refuses', () => {
      const clock = createClock({ startMs: 1_000, frozen: true, wallNow: () => 5_000 });
      expect(() => clock.advance(-1)).to.throw(RangeError);
      expect(() => clock.set(999)).to.throw(RangeError);
    });
  });

  describe('rate limiter', () => {
    it('when the limit is reached, then it refuses until the minute is over, counting per key and family', () => {
      let now = 1_000_000;
      const limiter = createRateLimiter(() => now);
      expect(limiter.hit('k', 'f', 2)).to.include({ allowed: true, usage: 1, limit: 2 });
      expect(limiter.hit('k', 'f', 2)).to.include({ allowed: true, usage: 2 });
      expect(limiter.hit('k', 'f', 2)).to.include({ allowed: false, usage: 2, retryAfterSeconds: 60 });
      expect(limiter.hit('other', 'f', 2).allowed).to.equal(true);
      expect(limiter.hit('k', 'g', 2).allowed).to.equal(true);
      now += 59_500;
      expect(limiter.hit('k', 'f', 2)).to.include({ allowed: false, retryAfterSeconds: 1 });
      now += 500;
      expect(limiter.hit('k', 'f', 2)).to.include({ allowed: true, usage: 1 });
    });
  });

  describe('seeded randomness and shuffling', () => {
    it('when seeded alike, then the sequence repeats', () => {
      const a = createRandom(42);
      const b = createRandom(42);
      const xs = Array.from({ length: 5 }, () => a());
      expect(xs).to.deep.equal(Array.from({ length: 5 }, () => b()));
      xs.forEach((x) => expect(x).to.be.within(0, 1));
    });

    it('when a batch of two or more is shuffled, then it holds the same items in another order', () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(fc.integer(), { minLength: 2, maxLength: 20 }),
          fc.integer(),
          (items, seed) => {
            const shuffled = shuffle(items, createRandom(seed));
            expect([...shuffled].sort()).to.deep.equal([...items].sort());
            expect(shuffled).to.not.deep.equal(items);
          },
        ),
      );
    });
  });
});

import { AppError } from '@teamseat/errors';
import { expect } from 'chai';
import { createRevenueCatBreaker } from '../../src/adapters/revenuecat/circuit-breaker';

const failing = () =>
  Promise.reject(new AppError('UNAVAILABLE', 'RevenueCat answered 500', { retriable: true }));
const fine = () => Promise.resolve('ok');
const settle = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: AppError) => error.reason,
  );

describe('RevenueCat circuit breaker', () => {
  const options = {
    volumeThreshold: 5,
    errorThresholdPercentage: 50,
    resetTimeoutMs: 5_000,
    rollingWindowMs: 10_000,
  };

  it('when one user fails again and again while others are served, then the breaker stays closed', async () => {
    const breaker = createRevenueCatBreaker(options, { now: Date.now });
    try {
      const outcomes = [];
      for (let i = 0; i < 20; i++) {
        outcomes.push(await settle(breaker.run(failing, 'poison-user')));
        // Meanwhile RevenueCat answers everyone else.
        await settle(breaker.run(fine, `other-${i}`));
      }
      expect(new Set(outcomes), 'each call still fails with its own error').to.deep.equal(
        new Set(['UNAVAILABLE']),
      );
      expect(breaker.state()).to.equal('closed');
      expect(await settle(breaker.run(fine, 'someone-else'))).to.equal('ok');
    } finally {
      breaker.shutdown();
    }
  });

  it('when many users fail, then the breaker opens and callers get a retriable breaker-open error', async () => {
    const breaker = createRevenueCatBreaker(options, { now: Date.now });
    try {
      for (let i = 0; i < 10; i++) await settle(breaker.run(failing, `user-${i}`));
      expect(breaker.state()).to.equal('open');
      const error = await breaker.run(fine, 'someone-else').catch((e: AppError) => e);
      expect(error).to.be.instanceOf(AppError);
      expect((error as AppError).retriable).to.equal(true);
    } finally {
      breaker.shutdown();
    }
  });

  it('when the same few users fail again and again and nobody succeeds (RevenueCat down, few partitions held), then the breaker opens', async () => {
    const breaker = createRevenueCatBreaker(options, { now: Date.now });
    try {
      for (let i = 0; i < 12; i++) await settle(breaker.run(failing, `held-${i % 3}`));
      expect(breaker.state()).to.equal('open');
    } finally {
      breaker.shutdown();
    }
  });

  it('when calls name no user, then each failure counts (RevenueCat-wide calls)', async () => {
    const breaker = createRevenueCatBreaker(options, { now: Date.now });
    try {
      for (let i = 0; i < 10; i++) await settle(breaker.run(failing));
      expect(breaker.state()).to.equal('open');
    } finally {
      breaker.shutdown();
    }
  });
});

import { expect } from 'chai';
import {
  REVENUECAT_RATE_LIMITED,
  REVENUECAT_REJECTED,
  REVENUECAT_UNAUTHENTICATED,
  REVENUECAT_UNAVAILABLE,
  errorFromFetchFailure,
  errorFromResponse,
} from '../../src/adapters/revenuecat/revenuecat-errors';

const answer = (status: number, headers: Record<string, string> = {}) =>
  errorFromResponse('getSubscriber', status, new Headers(headers), { code: 7, message: 'x' }, 0);

describe('RevenueCat errors', () => {
  for (const status of [500, 502, 503, 504, 408]) {
    it(`when RevenueCat answers ${status}, then the failure is retriable`, () => {
      expect(answer(status)).to.include({
        code: 'UNAVAILABLE',
        reason: REVENUECAT_UNAVAILABLE,
        retriable: true,
      });
    });
  }

  for (const status of [429, 423]) {
    it(`when RevenueCat answers ${status}, then it is a retriable rate limit carrying the requested wait`, () => {
      const error = answer(status, { 'retry-after': '3' });
      expect(error).to.include({ reason: REVENUECAT_RATE_LIMITED, retriable: true });
      expect(error.details.retryAfterMs).to.equal(3_000);
    });
  }

  it('when RevenueCat refuses our API key (401), then the failure is retriable and names the key setting', () => {
    const error = answer(401);
    expect(error).to.include({ code: 'UNAVAILABLE', reason: REVENUECAT_UNAUTHENTICATED, retriable: true });
    expect(error.message).to.contain('REVENUECAT_API_KEY');
  });

  for (const status of [400, 403, 404]) {
    it(`when RevenueCat answers ${status}, then it is a rejection retrying cannot fix`, () => {
      expect(answer(status)).to.include({ reason: REVENUECAT_REJECTED, retriable: false });
    });
  }

  it('when fetch cannot connect, then the failure is a retriable network error', async () => {
    const failure = await fetch('http://127.0.0.1:1/v1/subscribers/u').catch((e: unknown) => e);
    expect(errorFromFetchFailure('getSubscriber', 2_000, failure)).to.include({
      code: 'UNAVAILABLE',
      reason: REVENUECAT_UNAVAILABLE,
      retriable: true,
    });
  });

  it('when fetch is aborted by the timeout, then the failure is a retriable timeout naming it', async () => {
    const signal = AbortSignal.abort(new DOMException('no answer in 2000 ms', 'TimeoutError'));
    const failure = await fetch('http://127.0.0.1:1/v1/subscribers/u', { signal }).catch((e: unknown) => e);
    const error = errorFromFetchFailure('getSubscriber', 2_000, failure);
    expect(error).to.include({ reason: REVENUECAT_UNAVAILABLE, retriable: true });
    expect(error.message).to.contain('timed out after 2000 ms');
  });
});

import { expect } from 'chai';
import { entitlementIdFor, type Emulator } from '../../src';
import { call, DAY, startTestEmulator, T0 } from '../support/harness';

describe('revenuecat-emulator rate limits', () => {
  let emulator: Emulator;
  afterEach(() => emulator.stop());

  it('when v2 customer information calls pass the limit, then 429 carries Retry-After, usage headers and backoff_ms', async () => {
    emulator = await startTestEmulator({ limits: { v2CustomerInformationPerMinute: 3 } });
    await call(emulator, 'GET', '/v1/subscribers/alice');
    const path = '/v2/projects/projemulator/customers/alice';
    for (let i = 1; i <= 3; i += 1) {
      const ok = await call(emulator, 'GET', path);
      expect(ok.status).to.equal(200);
      expect(ok.headers.get('revenuecat-rate-limit-current-usage')).to.equal(String(i));
      expect(ok.headers.get('revenuecat-rate-limit-current-limit')).to.equal('3');
    }
    const grant = await call(emulator, 'POST', `${path}/actions/grant_entitlement`, {
      entitlement_id: entitlementIdFor('pro'),
      expires_at: T0 + DAY,
    });
    expect(grant.status).to.equal(429);
    const retryAfter = Number(grant.headers.get('retry-after'));
    expect(retryAfter).to.be.within(1, 60);
    expect(grant.headers.get('revenuecat-rate-limit-current-limit')).to.equal('3');
    expect(grant.body).to.deep.equal({
      object: 'error',
      type: 'rate_limit_error',
      message: 'Rate limit exceeded',
      retryable: true,
      doc_url: 'https://errors.rev.cat/rate-limit-error',
      backoff_ms: retryAfter * 1000,
    });
    expect(emulator.customers.get('alice')!.grants).to.have.length(0);
  });

  it('when one key is limited, then another key and another family still pass', async () => {
    emulator = await startTestEmulator({
      apiKeys: ['k1', 'k2'],
      limits: { v2CustomerInformationPerMinute: 1, v2ProjectConfigurationPerMinute: 5 },
    });
    await call(emulator, 'GET', '/v1/subscribers/alice', undefined, { authorization: 'Bearer k1' });
    const path = '/v2/projects/projemulator/customers/alice';
    const k1 = { authorization: 'Bearer k1' };
    expect((await call(emulator, 'GET', path, undefined, k1)).status).to.equal(200);
    expect((await call(emulator, 'GET', path, undefined, k1)).status).to.equal(429);
    expect((await call(emulator, 'GET', path, undefined, { authorization: 'Bearer k2' })).status).to.equal(
      200,
    );
    expect(
      (await call(emulator, 'GET', '/v2/projects/projemulator/entitlements', undefined, k1)).status,
    ).to.equal(200);
  });

  it('when the v2 limit is left at its default, then it is 480 per minute', async () => {
    emulator = await startTestEmulator();
    await call(emulator, 'GET', '/v1/subscribers/alice');
    const reply = await call(emulator, 'GET', '/v2/projects/projemulator/customers/alice');
    expect(reply.headers.get('revenuecat-rate-limit-current-limit')).to.equal('480');
  });

  it('when a v1 limit is configured, then each v1 endpoint is counted on its own; without one, no headers', async () => {
    emulator = await startTestEmulator();
    const open = await call(emulator, 'GET', '/v1/subscribers/a');
    expect(open.headers.get('revenuecat-rate-limit-current-limit')).to.equal(null);
    const set = await call(emulator, 'PUT', '/_emulator/limits', { v1_per_minute: 2 }, {});
    expect(set.body.limits.v1PerMinute).to.equal(2);
    expect((await call(emulator, 'GET', '/v1/subscribers/a')).status).to.equal(200);
    expect((await call(emulator, 'GET', '/v1/subscribers/b')).status).to.equal(201);
    const limited = await call(emulator, 'GET', '/v1/subscribers/c');
    expect(limited.status).to.equal(429);
    expect(limited.body).to.have.keys('code', 'message');
    expect(limited.headers.get('retry-after')).to.match(/^\d+$/);
    const grant = await call(emulator, 'POST', '/v1/subscribers/a/entitlements/pro/promotional', {
      duration: 'daily',
    });
    expect(grant.status).to.equal(201);
  });
});

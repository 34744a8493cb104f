import { expect } from 'chai';
import { entitlementIdFor, type Emulator } from '../../src';
import { AUTH, call, DAY, startTestEmulator, T0 } from '../support/harness';

const PRO = entitlementIdFor('pro');
const base = '/v2/projects/projemulator/customers';

describe('revenuecat-emulator REST v2', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startTestEmulator();
    await call(emulator, 'GET', '/v1/subscribers/alice');
  });
  afterEach(() => emulator.stop());

  const grant = (user: string, body: unknown, headers = AUTH) =>
    call(emulator, 'POST', `${base}/${encodeURIComponent(user)}/actions/grant_entitlement`, body, headers);
  const revoke = (user: string, body: unknown) =>
    call(emulator, 'POST', `${base}/${encodeURIComponent(user)}/actions/revoke_granted_entitlement`, body);

  it('when the entitlements are listed, then each lookup key has its RevenueCat id', async () => {
    const reply = await call(emulator, 'GET', '/v2/projects/projemulator/entitlements');
    expect(reply.status).to.equal(200);
    expect(
      reply.body.items.map((e: { lookup_key: string; id: string }) => [e.lookup_key, e.id]),
    ).to.deep.equal([
      ['pro', PRO],
      ['team_admin', entitlementIdFor('team_admin')],
      ['team_lifetime_admin', entitlementIdFor('team_lifetime_admin')],
    ]);
  });

  it('when an entitlement is granted by id, then 201 returns the customer with it active and v1 shows the grant', async () => {
    const reply = await grant('alice', { entitlement_id: PRO, expires_at: T0 + 5 * DAY });
    expect(reply.status).to.equal(201);
    expect(reply.body).to.include({ object: 'customer', id: 'alice', project_id: 'projemulator' });
    expect(reply.body.active_entitlements.items).to.deep.equal([
      { object: 'customer.active_entitlement', entitlement_id: PRO, expires_at: T0 + 5 * DAY },
    ]);
    const v1 = await call(emulator, 'GET', '/v1/subscribers/alice');
    expect(v1.body.subscriber.entitlements.pro.expires_date).to.equal('2030-01-06T00:00:00Z');
  });

  it('when an active grant exists, then a second grant does not change it ("unless one already exists")', async () => {
    await grant('alice', { entitlement_id: PRO, expires_at: T0 + 5 * DAY });
    const again = await grant('alice', { entitlement_id: PRO, expires_at: T0 + 50 * DAY });
    expect(again.status).to.equal(201);
    expect(again.body.active_entitlements.items[0].expires_at).to.equal(T0 + 5 * DAY);
  });

  it('when a granted entitlement is revoked, then 200 returns the customer without it', async () => {
    await grant('alice', { entitlement_id: PRO, expires_at: T0 + 5 * DAY });
    const reply = await revoke('alice', { entitlement_id: PRO });
    expect(reply.status).to.equal(200);
    expect(reply.body.active_entitlements.items).to.deep.equal([]);
    const none = await revoke('alice', { entitlement_id: PRO });
    expect(none.status).to.equal(404);
    expect(none.body).to.include({ object: 'error', type: 'resource_missing', param: 'entitlement_id' });
  });

  it('when the lookup key is sent instead of the id, then it answers 404 resource_missing naming entitlement_id', async () => {
    const reply = await grant('alice', { entitlement_id: 'pro', expires_at: T0 + DAY });
    expect(reply.status).to.equal(404);
    expect(reply.body).to.include({
      object: 'error',
      type: 'resource_missing',
      param: 'entitlement_id',
      retryable: false,
    });
    expect(reply.body.doc_url).to.equal('https://errors.rev.cat/resource-missing');
  });

  it('when the body breaks the documented schema, then it answers 400 or 422 with a v2 error', async () => {
    const cases: [unknown, number, string][] = [
      [{ entitlement_id: PRO }, 400, 'expires_at'],
      [{ entitlement_id: PRO, expires_at: T0 + DAY, extra: true }, 400, 'extra'],
      [{ entitlement_id: '', expires_at: T0 + DAY }, 400, 'entitlement_id'],
      [{ entitlement_id: PRO, expires_at: T0 - 1 }, 422, 'expires_at'],
    ];
    for (const [body, status, param] of cases) {
      const reply = await grant('alice', body);
      expect(reply.status, JSON.stringify(body)).to.equal(status);
      expect(reply.body).to.include({ object: 'error', type: 'parameter_error', param });
    }
  });

  it('when the content type is not JSON, then it answers 400 invalid_request', async () => {
    const response = await fetch(`${emulator.url}${base}/alice/actions/grant_entitlement`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'text/plain' },
      body: 'entitlement_id=x',
    });
    expect(response.status).to.equal(400);
    expect(await response.json()).to.include({ type: 'invalid_request' });
  });

  it('when the customer does not exist, then it answers 404 naming customer_id', async () => {
    const reply = await grant('nobody', { entitlement_id: PRO, expires_at: T0 + DAY });
    expect(reply.status).to.equal(404);
    expect(reply.body).to.include({ type: 'resource_missing', param: 'customer_id' });
  });

  it("when the project is not the key's, then it answers 403 authorization_error", async () => {
    const reply = await call(emulator, 'GET', '/v2/projects/otherproj/customers/alice');
    expect(reply.status).to.equal(403);
    expect(reply.body).to.include({ type: 'authorization_error' });
  });

  it('when the key is wrong, then it answers 401 authentication_error', async () => {
    const reply = await grant(
      'alice',
      { entitlement_id: PRO, expires_at: T0 + DAY },
      { authorization: 'Bearer nope' },
    );
    expect(reply.status).to.equal(401);
    expect(reply.body).to.deep.equal({
      object: 'error',
      type: 'authentication_error',
      message: 'Invalid API key',
      retryable: false,
      doc_url: 'https://errors.rev.cat/authentication-error',
    });
  });

  it('when separate v2 keys are configured, then v1 keys do not open v2', async () => {
    await emulator.stop();
    emulator = await startTestEmulator({ apiKeys: ['sk_v1'], v2ApiKeys: ['sk_v2'] });
    const v1Key = { authorization: 'Bearer sk_v1' };
    const v2Key = { authorization: 'Bearer sk_v2' };
    expect((await call(emulator, 'GET', '/v1/subscribers/x', undefined, v1Key)).status).to.equal(201);
    expect((await call(emulator, 'GET', `${base}/x`, undefined, v1Key)).status).to.equal(401);
    expect((await call(emulator, 'GET', `${base}/x`, undefined, v2Key)).status).to.equal(200);
  });

  it('when two requests for one customer overlap, then the second gets 423 resource_locked_error with backoff_ms', async () => {
    await emulator.stop();
    emulator = await startTestEmulator({ concurrency: { holdMs: 300 } });
    await call(emulator, 'GET', '/v1/subscribers/alice');
    const replies = await Promise.all([
      grant('alice', { entitlement_id: PRO, expires_at: T0 + DAY }),
      new Promise((r) => setTimeout(r, 50)).then(() =>
        grant('alice', { entitlement_id: PRO, expires_at: T0 + DAY }),
      ),
    ]);
    expect(replies.map((r) => r.status).sort()).to.deep.equal([201, 423]);
    const locked = replies.find((r) => r.status === 423)!;
    expect(locked.body).to.include({ type: 'resource_locked_error', retryable: true, backoff_ms: 1000 });
  });
});

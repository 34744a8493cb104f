import { expect } from 'chai';
import type { Emulator } from '../../src';
import { call, startTestEmulator } from '../support/harness';

const control = (emulator: Emulator, method: string, path: string, body?: unknown) =>
  call(emulator, method, `/_emulator${path}`, body, {});
const v2Customer = (user: string) => `/v2/projects/projemulator/customers/${encodeURIComponent(user)}`;

describe('revenuecat-emulator per-user faults', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(() => emulator.stop());

  it('when one user is targeted, then only calls concerning that user fail, on v1 and v2, until cleared', async () => {
    const target = await control(emulator, 'PUT', '/faults/users/poison%2Fone', { status: 500 });
    expect(target.status).to.equal(200);
    expect(target.body.users).to.have.key('poison/one');

    expect((await call(emulator, 'GET', '/v1/subscribers/poison%2Fone')).status).to.equal(500);
    const grant = await call(emulator, 'POST', '/v1/subscribers/poison%2Fone/entitlements/pro/promotional', {
      duration: 'monthly',
    });
    expect(grant.status).to.equal(500);
    expect((await call(emulator, 'GET', v2Customer('poison/one'))).status).to.equal(500);
    expect((await call(emulator, 'GET', '/v1/subscribers/healthy')).status).to.equal(201);
    expect(emulator.customers.get('poison/one')).to.equal(undefined);

    const cleared = await control(emulator, 'DELETE', '/faults/users/poison%2Fone');
    expect(cleared.body.users).to.deep.equal({});
    expect((await call(emulator, 'GET', '/v1/subscribers/poison%2Fone')).status).to.equal(201);
  });

  it('when a user is targeted with 429 for a while, then its calls get Retry-After until the time runs out', async () => {
    await control(emulator, 'PUT', '/faults/users/busy', {
      status: 429,
      duration_ms: 300,
      retry_after_seconds: 4,
    });
    const refused = await call(emulator, 'GET', '/v1/subscribers/busy');
    expect(refused.status).to.equal(429);
    expect(refused.headers.get('retry-after')).to.equal('4');
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await call(emulator, 'GET', '/v1/subscribers/busy')).status).to.equal(201);
  });

  it('when DELETE /faults runs, then the targeted users are cleared with the rest', async () => {
    await control(emulator, 'PUT', '/faults/users/a', { status: 503 });
    expect((await call(emulator, 'GET', '/v1/subscribers/a')).status).to.equal(503);
    await control(emulator, 'DELETE', '/faults');
    expect((await call(emulator, 'GET', '/v1/subscribers/a')).status).to.equal(201);
  });

  it('when the user fault body is wrong, then it answers 400 naming the field', async () => {
    const reply = await control(emulator, 'PUT', '/faults/users/a', { status: 404 });
    expect(reply.status).to.equal(400);
    expect(reply.body.detail).to.match(/status/);
    expect((await control(emulator, 'PUT', '/faults/users/a', { duration_ms: -1 })).body.detail).to.match(
      /duration_ms/,
    );
  });

  it('when an outage and a 429 storm are asked for at once, then 503s come first and 429s after, then all pass', async () => {
    await control(emulator, 'PUT', '/faults', { outage_ms: 200, storm_429_ms: 300, retry_after_seconds: 1 });
    expect((await call(emulator, 'GET', '/v1/subscribers/a')).status).to.equal(503);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await call(emulator, 'GET', '/v1/subscribers/a')).status).to.equal(429);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await call(emulator, 'GET', '/v1/subscribers/a')).status).to.equal(201);
  });
});

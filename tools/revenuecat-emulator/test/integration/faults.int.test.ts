import { expect } from 'chai';
import type { Emulator } from '../../src';
import { AUTH, call, startTestEmulator } from '../support/harness';

const timed = async <T>(fn: () => Promise<T>) => {
  const started = Date.now();
  const result = await fn();
  return { result, ms: Date.now() - started };
};
const faults = (emulator: Emulator, body: unknown) => call(emulator, 'PUT', '/_emulator/faults', body, {});

describe('revenuecat-emulator fault injection', () => {
  let emulator: Emulator;
  afterEach(() => emulator.stop());

  it('when a fixed latency is set at start, then every REST request takes at least that long, the control API not', async () => {
    emulator = await startTestEmulator({ faults: { latencyMinMs: 400, latencyMaxMs: 400 } });
    const { ms } = await timed(() => call(emulator, 'GET', '/v1/subscribers/a'));
    expect(ms).to.be.at.least(395);
    const control = await timed(() => call(emulator, 'GET', '/_emulator/clock', undefined, {}));
    expect(control.ms).to.be.below(300);
  });

  it('when a latency range is set at run time, then each request waits within the range, varying', async () => {
    emulator = await startTestEmulator();
    expect((await faults(emulator, { latency_ms: { min: 20, max: 120 } })).body).to.include({
      latencyMinMs: 20,
      latencyMaxMs: 120,
    });
    const times: number[] = [];
    for (let i = 0; i < 8; i += 1)
      times.push((await timed(() => call(emulator, 'GET', '/v1/subscribers/a'))).ms);
    times.forEach((ms) => expect(ms).to.be.within(18, 1_000));
    expect(Math.max(...times) - Math.min(...times)).to.be.above(5);
  });

  it('when the error rate is 1, then v1 and v2 answer the configured status in their own error shape', async () => {
    emulator = await startTestEmulator({ faults: { errorRate: 1, errorStatus: 503 } });
    const v1 = await call(emulator, 'GET', '/v1/subscribers/a');
    expect(v1.status).to.equal(503);
    expect(v1.body).to.have.keys('code', 'message');
    const v2 = await call(emulator, 'GET', '/v2/projects/projemulator/customers/a');
    expect(v2.status).to.equal(503);
    expect(v2.body).to.include({ object: 'error', type: 'server_error', retryable: true });
    await faults(emulator, { error_status: 500 });
    expect((await call(emulator, 'GET', '/v1/subscribers/a')).status).to.equal(500);
    expect(emulator.customers.all()).to.have.length(0);
  });

  it('when the error rate is one half, then about half the requests fail (seeded)', async () => {
    emulator = await startTestEmulator({ faults: { errorRate: 0.5 }, seed: 11 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await call(emulator, 'GET', '/v1/subscribers/a')).status);
    const failed = statuses.filter((s) => s === 500).length;
    expect(failed).to.be.within(10, 30);
    expect(statuses.filter((s) => s !== 500).every((s) => s === 200 || s === 201)).to.equal(true);
  });

  it('when requests hang, then the client gets no answer until it gives up, and the emulator still stops', async () => {
    emulator = await startTestEmulator();
    await faults(emulator, { hang_rate: 1 });
    const error = await fetch(`${emulator.url}/v1/subscribers/a`, {
      headers: AUTH,
      signal: AbortSignal.timeout(300),
    }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.name).to.equal('TimeoutError');
    const pending = fetch(`${emulator.url}/v1/subscribers/b`, { headers: AUTH }).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 100));
    const { ms } = await timed(() => emulator.stop());
    expect(ms).to.be.below(1_000);
    expect(await pending).to.be.instanceOf(Error);
    emulator = await startTestEmulator();
  });

  it('when an outage runs, then every request gets 503 with Retry-After until it ends', async () => {
    emulator = await startTestEmulator({ faults: { outageMs: 400 } });
    const during = await call(emulator, 'GET', '/v1/subscribers/a');
    expect(during.status).to.equal(503);
    expect(Number(during.headers.get('retry-after'))).to.be.at.least(1);
    await new Promise((r) => setTimeout(r, 450));
    expect((await call(emulator, 'GET', '/v1/subscribers/a')).status).to.equal(201);
    await faults(emulator, { outage_ms: 60_000 });
    const v2 = await call(emulator, 'GET', '/v2/projects/projemulator/customers/a');
    expect(v2.status).to.equal(503);
    expect(v2.body.backoff_ms).to.be.at.least(59_000);
    expect((await call(emulator, 'DELETE', '/_emulator/faults', undefined, {})).body.outageUntilMs).to.equal(
      null,
    );
    expect((await call(emulator, 'GET', '/v1/subscribers/a')).status).to.equal(200);
  });

  it('when 429s are forced, then exactly that many requests are refused with Retry-After, then all pass', async () => {
    emulator = await startTestEmulator({ faults: { forced429: 2, retryAfterSeconds: 7 } });
    const first = await call(emulator, 'GET', '/v2/projects/projemulator/customers/a');
    expect(first.status).to.equal(429);
    expect(first.headers.get('retry-after')).to.equal('7');
    expect(first.body).to.include({ type: 'rate_limit_error', backoff_ms: 7000 });
    const second = await call(emulator, 'GET', '/v1/subscribers/a');
    expect(second.status).to.equal(429);
    expect(second.body).to.have.keys('code', 'message');
    expect((await call(emulator, 'GET', '/v1/subscribers/a')).status).to.equal(201);
  });

  it('when faults are scoped to v2, then v1 is untouched', async () => {
    emulator = await startTestEmulator();
    await faults(emulator, { error_rate: 1, scope: 'v2' });
    expect((await call(emulator, 'GET', '/v1/subscribers/a')).status).to.equal(201);
    expect((await call(emulator, 'GET', '/v2/projects/projemulator/customers/a')).status).to.equal(500);
  });

  it('when the faults body is wrong, then it answers 400 naming the field and keeps the faults', async () => {
    emulator = await startTestEmulator();
    const reply = await faults(emulator, { error_rate: 3 });
    expect(reply.status).to.equal(400);
    expect(reply.body.detail).to.match(/error_rate/);
    expect((await call(emulator, 'GET', '/_emulator/faults', undefined, {})).body.errorRate).to.equal(0);
  });
});

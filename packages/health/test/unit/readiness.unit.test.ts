import { expect } from 'chai';
import { createReadiness } from '../../src';

describe('readiness', () => {
  it('when every check passes, then it is ready', async () => {
    const readiness = createReadiness();
    readiness.add('db', () => true);
    readiness.add('kafka', async () => true);
    expect(await readiness.evaluate()).to.deep.equal({ ready: true, checks: { db: true, kafka: true } });
  });

  it('when a check throws or hangs, then it is not ready and names the failed check', async () => {
    const readiness = createReadiness({ checkTimeoutMs: 20 });
    readiness.add('db', () => {
      throw new Error('down');
    });
    readiness.add('kafka', () => new Promise<boolean>(() => undefined));
    readiness.add('cache', () => true);
    expect(await readiness.evaluate()).to.deep.equal({
      ready: false,
      checks: { db: false, kafka: false, cache: true },
    });
  });

  it('when shutdown has started, then it is not ready even though the checks pass', async () => {
    const readiness = createReadiness();
    readiness.add('db', () => true);
    readiness.markShuttingDown();
    expect((await readiness.evaluate()).ready).to.equal(false);
  });
});

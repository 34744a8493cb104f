import { expect } from 'chai';
import { createLeaseRepository } from '../../src/adapters/database/lease-repository';
import { createSweepRunRepository } from '../../src/adapters/database/sweep-run-repository';
import type { SweepReport } from '../../src/application/sweep';
import { createSweepStatus } from '../../src/application/sweep-status';
import { createSweepJob } from '../../src/entry-points/jobs/sweep-job';
import { freshDatabase } from '../support/infrastructure';
import { testLogger } from '../support/service-harness';

const did = (counts: Partial<SweepReport> = {}): SweepReport => ({
  grantsRetried: 0,
  teamsChecked: 0,
  customersResynced: 0,
  failures: 0,
  ...counts,
});

describe('sweep status (the run record in the database, the lease, the timer)', function () {
  this.timeout(30_000);
  let db: Awaited<ReturnType<typeof freshDatabase>>;

  beforeEach(async () => {
    db = await freshDatabase('sweep_status');
  });
  afterEach(() => db.close());

  function replica(
    instanceId: string,
    { intervalMs = 0, nextRunAtMs = () => undefined as number | undefined } = {},
  ) {
    return createSweepStatus({
      runs: createSweepRunRepository(db.connection),
      leases: createLeaseRepository(db.connection, { now: Date.now }),
      instanceId,
      intervalMs,
      nextRunAtMs,
      logger: testLogger(),
    });
  }

  it('when no sweep ever ran, then the status says so', async () => {
    const status = await replica('a').status();
    expect(status).to.include({
      enabled: false,
      lastRun: undefined,
      lease: undefined,
      lastAttempt: undefined,
    });
  });

  it('when one replica ran the sweep, then every replica tells that run, and a skipped run leaves it as it was', async () => {
    const [a, b] = [replica('a'), replica('b')];
    await createLeaseRepository(db.connection, { now: Date.now }).acquire('sweep', 'a', 60_000);
    await a.recorded(1_000, 2_000, did({ grantsRetried: 3, teamsChecked: 1, failures: 1 }));
    await b.recorded(3_000, 3_001, did({ skipped: 'another replica holds the lease' }));

    const seenByB = await b.status();
    expect(seenByB.lastRun).to.deep.equal({
      instanceId: 'a',
      startedAtMs: 1_000,
      finishedAtMs: 2_000,
      grantsRetried: 3,
      teamsChecked: 1,
      customersResynced: 0,
      failures: 1,
    });
    expect(seenByB.lease?.holder).to.equal('a');
    expect(seenByB.lastAttempt).to.deep.equal({ atMs: 3_000, skipped: 'another replica holds the lease' });

    await b.recorded(4_000, 5_000, did({ customersResynced: 2, skipped: 'lease lost during the run' }));
    expect((await a.status()).lastRun).to.include({
      instanceId: 'b',
      customersResynced: 2,
      stoppedEarly: 'lease lost during the run',
    });
  });

  it('when the job runs the sweep on its timer, then the run is recorded and the next run is due after it', async () => {
    const status = replica('a', { intervalMs: 50, nextRunAtMs: () => job.nextRunAtMs() });
    const job = createSweepJob({
      sweep: { run: async () => did({ teamsChecked: 2 }), stop: async () => undefined },
      intervalMs: 50,
      logger: testLogger(),
      onRun: status.recorded,
    });
    job.start();
    try {
      let seen = await status.status();
      for (let i = 0; i < 100 && !(seen.lastRun && seen.nextRunAtMs); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        seen = await status.status();
      }
      expect(seen.enabled).to.equal(true);
      expect(seen.lastRun).to.include({ instanceId: 'a', teamsChecked: 2 });
      expect(seen.nextRunAtMs).to.be.above(seen.lastRun!.finishedAtMs);
    } finally {
      await job.stop();
    }
    expect(job.nextRunAtMs()).to.equal(undefined);
  });
});

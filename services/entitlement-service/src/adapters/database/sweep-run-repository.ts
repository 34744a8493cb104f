import type { Connection } from 'mongoose';
import type { SweepRunRecord, SweepRunRepository } from '../../application/ports';
import { collection } from './mongo';
import { classifyDatabaseErrors } from './database-errors';

type SweepRunDocument = SweepRunRecord & { _id: string };

const LAST = 'last';

/** The last sweep run of any replica in one document, so every replica answers `sweep status` alike (ADR 0034). */
export function createSweepRunRepository(connection: Connection): SweepRunRepository {
  const runs = collection<SweepRunDocument>(connection, 'sweep_runs');
  return classifyDatabaseErrors('sweep runs', {
    async record(run: SweepRunRecord): Promise<void> {
      await runs.replaceOne({ _id: LAST }, run, { upsert: true });
    },
    async last(): Promise<SweepRunRecord | undefined> {
      const found = await runs.findOne({ _id: LAST });
      if (!found) return undefined;
      const { _id, ...run } = found;
      return run;
    },
  });
}

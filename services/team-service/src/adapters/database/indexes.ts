import type { Logger } from '@teamseat/logger';
import type { Db } from './mongo-connections';
import { TEAMS } from './team-repository';

/**
 * Secondary indexes for MongoDB proper. FerretDB 1.x with SQLite creates them but answers every query
 * other than one by `_id` by reading the whole collection, which is why the hot paths only ever look
 * documents up by `_id` (teams, team_keys, user_teams) and only the slow background scans use these.
 */
export async function ensureIndexes(db: Db, logger: Logger): Promise<void> {
  const teams = db.collection(TEAMS);
  try {
    await Promise.all([
      teams.createIndex({ outboxCount: 1 }, { name: 'outbox_pending' }),
      teams.createIndex({ nextDeadlineAt: 1 }, { name: 'next_deadline' }),
    ]);
  } catch (error) {
    // Only an optimisation: the scans work without them.
    logger.warn({ err: error }, 'could not create secondary indexes');
  }
}

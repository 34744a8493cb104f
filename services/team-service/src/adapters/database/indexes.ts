import type { Logger } from '@teamseat/logger';
import type { TeamModels } from './models';

/**
 * The secondary indexes the team schema declares, for MongoDB proper. FerretDB 1.x with SQLite creates
 * them but answers every query other than one by `_id` by reading the whole collection, which is why the
 * hot paths only ever look documents up by `_id` (teams, team_keys, user_teams) and only the slow
 * background scans use these.
 */
export async function ensureIndexes(models: TeamModels, logger: Logger): Promise<void> {
  try {
    await models.teams.createIndexes();
  } catch (error) {
    // Only an optimisation: the scans work without them.
    logger.warn({ err: error }, 'could not create secondary indexes');
  }
}

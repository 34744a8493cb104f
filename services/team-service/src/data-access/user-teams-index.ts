import type { UserTeamEntry, UserTeamsIndex } from '../domain/ports';
import { roleOf } from '../domain/permissions';
import type { Db } from './mongo-connections';

export const USER_TEAMS = 'user_teams';

interface UserTeamsDocument {
  _id: string;
  teams?: Record<string, { createdAt: Date }>;
}

/**
 * user id → the teams whose roster they are on, one document per user with the user id as `_id`.
 * Teams have rosters as arrays, and FerretDB (SQLite) answers a query on an array field by reading every
 * team; this index keeps ListTeamsOfUser a lookup by `_id`. It is derived: the command path updates it
 * right after a change (read-your-writes), the outbox relay again from each published event (repair
 * after a crash), and readers check every entry against the team.
 */
export function createUserTeamsIndex({ reads, writes }: { reads: Db; writes: Db }): UserTeamsIndex & {
  syncMembership(userId: string, teamId: string, onRoster: boolean, createdAt: Date): Promise<void>;
} {
  const readIndex = reads.collection<UserTeamsDocument>(USER_TEAMS);
  const writeIndex = writes.collection<UserTeamsDocument>(USER_TEAMS);

  async function syncMembership(userId: string, teamId: string, onRoster: boolean, createdAt: Date) {
    const field = `teams.${teamId}`;
    if (onRoster) {
      await writeIndex.updateOne({ _id: userId }, { $set: { [field]: { createdAt } } }, { upsert: true });
    } else {
      await writeIndex.updateOne({ _id: userId }, { $unset: { [field]: '' } });
    }
  }

  return {
    syncMembership,

    async sync(team, userIds) {
      await Promise.all(
        userIds.map((userId) =>
          syncMembership(userId, team.teamId, roleOf(team, userId) !== undefined, team.createdAt),
        ),
      );
    },

    async entriesOf(userId): Promise<UserTeamEntry[]> {
      const doc = await readIndex.findOne({ _id: userId });
      return Object.entries(doc?.teams ?? {}).map(([teamId, entry]) => ({
        teamId,
        createdAt: entry.createdAt instanceof Date ? entry.createdAt : new Date(String(entry.createdAt)),
      }));
    },
  };
}

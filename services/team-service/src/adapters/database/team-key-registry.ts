import { unavailable } from '@teamseat/errors';
import { databaseCall, isDuplicateKey } from './database-errors';
import type { TeamKeyRegistry } from '../../application/ports';
import type { Db } from './mongo-connections';

export const TEAM_KEYS = 'team_keys';

interface TeamKeyDocument {
  _id: string;
  teamId: string;
}

/** Printable and unambiguous for any two strings. */
const keyOf = (subscriberUserId: string, managementEntitlement: string) =>
  JSON.stringify([subscriberUserId, managementEntitlement]);

/**
 * (subscriber, management entitlement) → team id, one document per key with the key as `_id`: the
 * unique `_id` makes "one team per subscription line" hold across concurrent creations, and a lookup by
 * `_id` is the one query FerretDB answers from an index.
 */
export function createTeamKeyRegistry({ reads, writes }: { reads: Db; writes: Db }): TeamKeyRegistry {
  const readKeys = reads.collection<TeamKeyDocument>(TEAM_KEYS);
  const writeKeys = writes.collection<TeamKeyDocument>(TEAM_KEYS);

  async function find(subscriberUserId: string, managementEntitlement: string): Promise<string | null> {
    const doc = await databaseCall('find team key', () =>
      readKeys.findOne({ _id: keyOf(subscriberUserId, managementEntitlement) }),
    );
    return doc?.teamId ?? null;
  }

  return {
    find,

    async claim(subscriberUserId, managementEntitlement, teamId) {
      const _id = keyOf(subscriberUserId, managementEntitlement);
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await writeKeys.insertOne({ _id, teamId });
          return teamId;
        } catch (error) {
          if (!isDuplicateKey(error)) throw unavailable('database: claim team key failed', error);
        }
        // Read through the write connection: it has seen every write this process made.
        const holder = await databaseCall('read team key', () => writeKeys.findOne({ _id }));
        if (holder) return holder.teamId;
      }
      throw unavailable(`database: team key ${_id} keeps changing`);
    },

    async reassign(subscriberUserId, managementEntitlement, from, to) {
      const result = await databaseCall('reassign team key', () =>
        writeKeys.updateOne(
          { _id: keyOf(subscriberUserId, managementEntitlement), teamId: from },
          { $set: { teamId: to } },
        ),
      );
      return result.modifiedCount === 1;
    },

    async release(subscriberUserId, managementEntitlement, teamId) {
      await databaseCall('release team key', () =>
        writeKeys.deleteOne({ _id: keyOf(subscriberUserId, managementEntitlement), teamId }),
      );
    },
  };
}

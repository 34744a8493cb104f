import { unavailable } from '@teamseat/errors';
import { databaseCall, isDuplicateKey, isRefusedBySchema } from './database-errors';
import type { TeamKeyRegistry } from '../../application/ports';
import type { TeamLine } from '../../domain/team';
import type { TeamKeyDocument, TeamModels } from './models';

/**
 * Printable and unambiguous for any strings. A line's default group keeps the key of before subscription
 * groups (ADR 0030), so teams made then are found under it.
 */
const keyOf = (subscriberUserId: string, line: TeamLine) =>
  JSON.stringify(
    line.subscriptionGroup === line.managementEntitlement
      ? [subscriberUserId, line.managementEntitlement]
      : [subscriberUserId, line.managementEntitlement, line.subscriptionGroup],
  );

/**
 * (subscriber, management entitlement) → team id, one document per key with the key as `_id`: the
 * unique `_id` makes "one team per subscription line" hold across concurrent creations, and a lookup by
 * `_id` is the one query FerretDB answers from an index.
 */
export function createTeamKeyRegistry({
  reads,
  writes,
}: {
  reads: TeamModels;
  writes: TeamModels;
}): TeamKeyRegistry {
  const readKeys = reads.teamKeys;
  const writeKeys = writes.teamKeys;
  const lookUp = (keys: TeamModels['teamKeys'], _id: string) =>
    keys.findOne({ _id }).lean<TeamKeyDocument>().exec();

  async function find(subscriberUserId: string, line: TeamLine): Promise<string | null> {
    const doc = await databaseCall('find team key', () => lookUp(readKeys, keyOf(subscriberUserId, line)));
    return doc?.teamId ?? null;
  }

  return {
    find,

    async claim(subscriberUserId, line, teamId) {
      const _id = keyOf(subscriberUserId, line);
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await writeKeys.create({ _id, teamId });
          return teamId;
        } catch (error) {
          if (isRefusedBySchema(error)) throw error;
          if (!isDuplicateKey(error)) throw unavailable('database: claim team key failed', error);
        }
        // Read through the write connection: it has seen every write this process made.
        const holder = await databaseCall('read team key', () => lookUp(writeKeys, _id));
        if (holder) return holder.teamId;
      }
      throw unavailable(`database: team key ${_id} keeps changing`);
    },

    async reassign(subscriberUserId, line, from, to) {
      const result = await databaseCall('reassign team key', () =>
        writeKeys.updateOne(
          { _id: keyOf(subscriberUserId, line), teamId: from },
          { $set: { teamId: to } },
          { runValidators: true },
        ),
      );
      return result.modifiedCount === 1;
    },

    async release(subscriberUserId, line, teamId) {
      await databaseCall('release team key', () =>
        writeKeys.deleteOne({ _id: keyOf(subscriberUserId, line), teamId }),
      );
    },
  };
}

import type { Team } from '../../domain/team';
import type { Db } from './mongo-connections';
import { fromDocument, type OutboxGroup, type TeamDocument } from './team-document';
import { TEAMS } from './team-repository';

/** The unpublished events of one team, in commit order, each group with the team version it produced. */
export interface PendingOutbox {
  teamId: string;
  groups: Array<{ key: string; version: number; group: OutboxGroup }>;
  /** The team as read with the outbox, for refreshing the listing views. */
  team: Team;
}

export interface OutboxStore {
  read(teamId: string): Promise<PendingOutbox | null>;
  /** Removes published groups; new groups written meanwhile stay. */
  markPublished(teamId: string, keys: string[]): Promise<void>;
  /** Teams with unpublished events: after a crash, or written by another process. */
  teamsWithPending(limit: number): Promise<string[]>;
  /** Teams with an invite expiry or admin-choice deadline at or before `at`. */
  teamsDueBefore(at: Date, limit: number): Promise<string[]>;
}

export function createOutboxStore({ reads, writes }: { reads: Db; writes: Db }): OutboxStore {
  const readTeams = reads.collection<TeamDocument>(TEAMS);
  const writeTeams = writes.collection<TeamDocument>(TEAMS);

  return {
    async read(teamId) {
      // FerretDB reads the whole document whatever the projection, so the relay takes all of it.
      const doc = await readTeams.findOne({ _id: teamId });
      if (!doc) return null;
      const entries = Object.entries(doc.outbox ?? {});
      // Every write adds exactly one group and one version, and the document is read as a whole, so the
      // last group is the current version and each earlier one is one less (ADR 0004).
      const groups = entries.map(([key, group], index) => ({
        key,
        group,
        version: doc.version - (entries.length - 1 - index),
      }));
      return { teamId, groups, team: fromDocument(doc) };
    },

    async markPublished(teamId, keys) {
      if (keys.length === 0) return;
      await writeTeams.updateOne(
        { _id: teamId },
        {
          $unset: Object.fromEntries(keys.map((key) => [`outbox.${key}`, ''])),
          $inc: { outboxCount: -keys.length },
        },
      );
    },

    async teamsWithPending(limit) {
      const docs = await readTeams
        .find({ outboxCount: { $gt: 0 } }, { projection: { _id: 1 } })
        .limit(limit)
        .toArray();
      return docs.map((doc) => doc._id);
    },

    async teamsDueBefore(at, limit) {
      const docs = await readTeams
        .find({ nextDeadlineAt: { $lte: at } }, { projection: { _id: 1 } })
        .limit(limit)
        .toArray();
      return docs.map((doc) => doc._id);
    },
  };
}

import type { Team } from '../../domain/team';
import type { TeamModels } from './models';
import { fromDocument, type OutboxGroup, type TeamDocument } from './team-document';

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

export function createOutboxStore({ reads, writes }: { reads: TeamModels; writes: TeamModels }): OutboxStore {
  const readTeams = reads.teams;
  const writeTeams = writes.teams;
  const ids = (docs: Array<{ _id: string }>) => docs.map((doc) => doc._id);

  return {
    async read(teamId) {
      // FerretDB reads the whole document whatever the projection, so the relay takes all of it.
      const doc = await readTeams.findOne({ _id: teamId }).lean<TeamDocument>().exec();
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
        { runValidators: true },
      );
    },

    async teamsWithPending(limit) {
      return ids(
        await readTeams
          .find({ outboxCount: { $gt: 0 } }, { _id: 1 })
          .limit(limit)
          .lean<Array<{ _id: string }>>()
          .exec(),
      );
    },

    async teamsDueBefore(at, limit) {
      return ids(
        await readTeams
          .find({ nextDeadlineAt: { $lte: at } }, { _id: 1 })
          .limit(limit)
          .lean<Array<{ _id: string }>>()
          .exec(),
      );
    },
  };
}

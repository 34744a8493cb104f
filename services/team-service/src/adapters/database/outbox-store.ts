import { isDuplicateKey } from './database-errors';
import type { PendingDocument, TeamModels } from './models';
import { eventCount, logId, type LogEntryDocument } from './team-log';

export interface PendingMark {
  /** The pending marker's `_id`, the same as its log entry's. */
  id: string;
  teamId: string;
  version: number;
  at: Date;
}

/**
 * The outbox side of the team log (ADR 0024): the pending markers the writers leave, the per-team
 * published version the relay keeps, and the log entries after it. Every read or write of one team's
 * data is by exact `_id`; only the marker scan reads a whole (small) collection.
 */
export interface OutboxStore {
  /** The pending markers, oldest first by team and version. */
  pending(limit: number): Promise<PendingMark[]>;
  /** The last version of the team the relay published (0 when none). */
  publishedVersion(teamId: string): Promise<number>;
  /** The entries after `version`, in order, until one is missing or `maxEvents` is reached. */
  entriesAfter(teamId: string, version: number, maxEvents: number): Promise<LogEntryDocument[]>;
  /** Records that the team is published up to `version` (never moves back). */
  markPublished(teamId: string, version: number): Promise<void>;
  /** Removes pending markers by `_id`. */
  clearPending(ids: string[]): Promise<void>;
  /** Teams with an invite expiry or admin-choice deadline at or before `at` (from the projections). */
  teamsDueBefore(at: Date, limit: number): Promise<string[]>;
}

export function createOutboxStore({ reads, writes }: { reads: TeamModels; writes: TeamModels }): OutboxStore {
  return {
    async pending(limit) {
      const docs = await reads.pending.find({}).limit(limit).lean<PendingDocument[]>().exec();
      return docs
        .map((doc) => ({ id: doc._id, teamId: doc.teamId, version: doc.version, at: doc.at }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    async publishedVersion(teamId) {
      const doc = await reads.published.findOne({ _id: teamId }).lean<{ version: number }>().exec();
      return doc?.version ?? 0;
    },

    async entriesAfter(teamId, version, maxEvents) {
      const entries: LogEntryDocument[] = [];
      let events = 0;
      for (let next = version + 1; ; next++) {
        const entry = await reads.log
          .findOne({ _id: logId(teamId, next) })
          .lean<LogEntryDocument>()
          .exec();
        if (!entry) return entries;
        if (entries.length > 0 && events + eventCount(entry) > maxEvents) return entries;
        entries.push(entry);
        events += eventCount(entry);
      }
    },

    async markPublished(teamId, version) {
      try {
        await writes.published.updateOne(
          { _id: teamId, version: { $lt: version } },
          { $set: { version } },
          { upsert: true, runValidators: true },
        );
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // already at this version or later
      }
    },

    async clearPending(ids) {
      if (ids.length > 0) await writes.pending.deleteMany({ _id: { $in: ids } });
    },

    async teamsDueBefore(at, limit) {
      const docs = await reads.teams
        .find({ nextDeadlineAt: { $lte: at } }, { _id: 1 })
        .limit(limit)
        .lean<Array<{ _id: string }>>()
        .exec();
      return docs.map((doc) => doc._id);
    },
  };
}

import type { Logger } from '@teamseat/logger';
import mongoose from 'mongoose';
import type { EventMeta, TeamRepository } from '../../application/ports';
import type { GrantScope } from '../../domain/member-grants';
import type { PendingEvent } from '../../domain/team-events';
import type { Team } from '../../domain/team';
import { applyPatch, onlyAppends, patchOf } from '../../domain/team-patch';
import { databaseCall as guarded, isDuplicateKey } from './database-errors';
import { TEAMS, type TeamModels } from './models';
import { fromDocument, toDocumentFields, type TeamDocument } from './team-document';
import { logEntry, logId, storedPatch, type LogEntryDocument } from './team-log';

/**
 * The team repository on an append-only log (ADR 0024). A change is the insert of the entry
 * `<teamId>/<next version>`: FerretDB, like MongoDB, makes an insert of a unique `_id` atomic across
 * connections and processes, so of two writers deciding on the same version exactly one lands and the
 * other decides again. Before it, a small pending marker tells the relay there is something to publish
 * (written first, so a crash never strands an entry); after it, the `teams` document (a projection, a
 * cache) is brought forward. Readers take the projection and read the entries after it by exact `_id`
 * until one is missing, so a projection update that was lost or is late costs a read, never a change.
 */
export function createTeamRepository({
  reads,
  writes,
  now,
  newId,
  logger,
}: {
  reads: TeamModels;
  writes: TeamModels;
  now: () => Date;
  newId: () => string;
  logger?: Logger;
}): TeamRepository {
  const log = logger?.child({ module: 'team-repository' });
  // Projection writes carry what the entry already validated; the driver spares mongoose's casting of a
  // whole roster (ADR 0017).
  const projections = writes.db.collection<TeamDocument>(TEAMS);

  async function entry(teamId: string, version: number): Promise<LogEntryDocument | null> {
    return reads.log
      .findOne({ _id: logId(teamId, version) })
      .lean<LogEntryDocument>()
      .exec();
  }

  /** `team` (null: nothing yet) with every entry after `version` applied. */
  async function catchUp(teamId: string, team: Team | null, version: number): Promise<Team | null> {
    let current = team;
    for (let next = version + 1; ; next++) {
      const found = await guarded('read team log', () => entry(teamId, next));
      if (!found) return current;
      current = applyPatch(current, storedPatch(found.patch));
    }
  }

  async function appendEntry(
    previous: Team | null,
    next: Team,
    events: PendingEvent[],
    grants: GrantScope,
    meta: EventMeta,
  ): Promise<boolean> {
    const at = now();
    const patch = patchOf(previous, next);
    // The entries carry the changed members and invites (checked by the log's schema); the team's own
    // fields travel as a loose object there, so they are checked against the team schema here.
    const { teamId, ...set } = patch.set;
    const fields = { ...set, ...(teamId === undefined ? {} : { _id: teamId }) };
    const unknown = Object.keys(fields).find((field) => !writes.teams.schema.path(field));
    if (unknown) throw new mongoose.Error.StrictModeError(unknown);
    await writes.teams.validate(fields, Object.keys(fields));
    const doc = logEntry(next, patch, events, grants, meta, { now: at, newId });
    try {
      await guarded('mark pending', () =>
        writes.pending.create({ _id: doc._id, teamId: next.teamId, version: next.version, at }),
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // another writer of this version marked it already
    }
    try {
      await guarded('append to team log', () => writes.log.create(doc));
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Brings the projection to `next`. An append-only change at the projection's version is a $push;
   * anything else, or a projection that is not at `previous`, rewrites it unless it is already newer.
   * Never throws: the change is committed, and a reader catches up from the log.
   */
  async function project(previous: Team | null, next: Team): Promise<void> {
    const { _id, members, invites, memberIds, subscriptionStateAt, ...fields } = toDocumentFields(next);
    const watermark = subscriptionStateAt ? { $max: { subscriptionStateAt } } : {};
    try {
      if (previous) {
        const patch = patchOf(previous, next);
        if (onlyAppends(previous, patch)) {
          const pushed = await projections.updateOne(
            { _id, version: previous.version },
            {
              $set: fields,
              $push: {
                ...(patch.members.put.length > 0
                  ? {
                      members: { $each: patch.members.put },
                      memberIds: { $each: patch.members.put.map((m) => m.userId) },
                    }
                  : {}),
                ...(patch.invites.put.length > 0 ? { invites: { $each: patch.invites.put } } : {}),
              },
              ...watermark,
            },
          );
          if (pushed.modifiedCount === 1) return;
        }
      }
      await projections.updateOne(
        { _id, version: { $lt: next.version } },
        { $set: { ...fields, members, invites, memberIds }, ...watermark },
        { upsert: true },
      );
    } catch (error) {
      // A duplicate key: the projection is already at this version or newer.
      if (!isDuplicateKey(error)) log?.warn({ err: error, teamId: _id }, 'team projection not updated');
    }
  }

  return {
    async load(teamId) {
      const doc = await guarded('load team', () =>
        reads.teams.findOne({ _id: teamId }).lean<TeamDocument>().exec(),
      );
      const projected = doc ? fromDocument(doc) : null;
      const team = await catchUp(teamId, projected, projected?.version ?? 0);
      if (!team || !projected?.subscriptionStateAt) return team;
      // The watermark may have moved without a version (advanceWatermark).
      const logged = team.subscriptionStateAt;
      return !logged || logged < projected.subscriptionStateAt
        ? { ...team, subscriptionStateAt: projected.subscriptionStateAt }
        : team;
    },

    async refresh(team) {
      return (await catchUp(team.teamId, team, team.version)) ?? team;
    },

    async insert(team, events, grants, meta) {
      if (!(await appendEntry(null, team, events, grants, meta))) return false;
      await project(null, team);
      return true;
    },

    async append(previous, next, events, grants, meta) {
      if (next.version !== previous.version + 1) {
        throw new Error(`team ${next.teamId}: version ${next.version} does not follow ${previous.version}`);
      }
      if (!(await appendEntry(previous, next, events, grants, meta))) return false;
      await project(previous, next);
      return true;
    },

    async advanceWatermark(teamId, at) {
      await guarded('advance watermark', () =>
        writes.teams.updateOne(
          { _id: teamId },
          { $max: { subscriptionStateAt: at } },
          { runValidators: true },
        ),
      );
    },
  };
}

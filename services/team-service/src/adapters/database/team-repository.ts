import type { Logger } from '@teamseat/logger';
import mongoose from 'mongoose';
import type { EventMeta, LoggedEvent, TeamRepository } from '../../application/ports';
import type { GrantScope } from '../../domain/member-grants';
import type { Team } from '../../domain/team';
import { applyPatch, onlyAppends, patchOf, type TeamPatch } from '../../domain/team-patch';
import { databaseCall as guarded, isDuplicateKey } from './database-errors';
import { TEAMS, type TeamModels } from './models';
import { fromDocument, toDocumentFields, type TeamDocument } from './team-document';
import { deadlineOf, mustProject, type ProjectedState } from './projection-policy';
import { logEntry, logId, storedPatch, type LogEntryDocument } from './team-log';

/** Teams whose last known state (and projection version) this process keeps. */
const REMEMBERED_TEAMS = 1_000;

function remembered<Value>(map: Map<string, Value>, key: string, value: Value): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED_TEAMS) map.delete(map.keys().next().value as string);
}

/**
 * The team repository on an append-only log (ADR 0024). A change is the insert of the entry
 * `<teamId>/<next version>`: FerretDB, like MongoDB, makes an insert of a unique `_id` atomic across
 * connections and processes, so of two writers deciding on the same version exactly one lands and the
 * other decides again. Before it, a small pending marker tells the relay there is something to publish
 * (written first, so a crash never strands an entry); after it, the `teams` document (a projection, a
 * cache) is brought forward. Readers take the projection and read the entries after it by exact `_id`
 * until one is missing, so a projection update that was lost or is late costs a read, never a change.
 * A large team's roster changes are left in the log for a while (projection-policy.ts, ADR 0026), and
 * `latest` catches up from the last state this process saw instead of re-reading the projection.
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
  /** team → the last state this process saw (a version's state never changes). */
  const known = new Map<string, Team>();
  /** team → what this process last knows of its projection. */
  const projected = new Map<string, ProjectedState>();

  function seen(team: Team | null): Team | null {
    const before = team && known.get(team.teamId);
    if (team && (!before || before.version <= team.version)) remembered(known, team.teamId, team);
    return team;
  }

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
    next: Team,
    patch: TeamPatch,
    events: LoggedEvent[],
    grants: GrantScope,
    meta: EventMeta,
  ): Promise<boolean> {
    const at = now();
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
  async function project(previous: Team | null, next: Team, patch: TeamPatch): Promise<void> {
    const last = projected.get(next.teamId);
    if (!mustProject(next, patch, last)) return;
    const { _id, members, invites, memberIds, subscriptionStateAt, ...fields } = toDocumentFields(next);
    const watermark = subscriptionStateAt ? { $max: { subscriptionStateAt } } : {};
    remembered(projected, next.teamId, { version: next.version, deadline: deadlineOf(next) });
    try {
      if (previous && last?.version === previous.version) {
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
      const projection = doc ? fromDocument(doc) : null;
      if (doc) {
        const deadline = doc.nextDeadlineAt ? new Date(doc.nextDeadlineAt).getTime() : null;
        remembered(projected, teamId, { version: doc.version, deadline });
      }
      const team = seen(await catchUp(teamId, projection, projection?.version ?? 0));
      if (!team || !projection?.subscriptionStateAt) return team;
      // The watermark may have moved without a version (advanceWatermark).
      const logged = team.subscriptionStateAt;
      return !logged || logged < projection.subscriptionStateAt
        ? { ...team, subscriptionStateAt: projection.subscriptionStateAt }
        : team;
    },

    async latest(teamId) {
      const last = known.get(teamId);
      return last ? seen(await catchUp(teamId, last, last.version)) : this.load(teamId);
    },

    async refresh(team) {
      return seen(await catchUp(team.teamId, team, team.version)) ?? team;
    },

    async insert(team, events, grants, meta) {
      const patch = patchOf(null, team);
      if (!(await appendEntry(team, patch, events, grants, meta))) return false;
      seen(team);
      await project(null, team, patch);
      return true;
    },

    async append(previous, next, events, grants, meta) {
      if (next.version !== previous.version + 1) {
        throw new Error(`team ${next.teamId}: version ${next.version} does not follow ${previous.version}`);
      }
      const patch = patchOf(previous, next);
      if (!(await appendEntry(next, patch, events, grants, meta))) return false;
      seen(next);
      await project(previous, next, patch);
      return true;
    },

    async advanceWatermark(teamId, at) {
      const last = known.get(teamId);
      if (last && (!last.subscriptionStateAt || last.subscriptionStateAt < at)) {
        remembered(known, teamId, { ...last, subscriptionStateAt: at });
      }
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

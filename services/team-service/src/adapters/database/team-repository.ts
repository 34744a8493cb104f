import type { MemberAppend } from '../../domain/decision';
import type { GrantScope } from '../../domain/member-grants';
import type { EventMeta, TeamRepository } from '../../application/ports';
import type { Team } from '../../domain/team';
import type { PendingEvent } from '../../domain/team-events';
import { databaseCall as guarded, isDuplicateKey } from './database-errors';
import type { Db } from './mongo-connections';
import { fromDocument, outboxGroup, toDocumentFields, type TeamDocument } from './team-document';

export const TEAMS = 'teams';

/**
 * The team repository: one document per team, every change one single-document write that carries
 * its events in the same update (the outbox). Filters are built from plain values only, so no input
 * can become a query operator: an id like `{"$ne": null}` arrives as a string and matches nobody.
 */
export function createTeamRepository({
  reads,
  writes,
  now,
  newId,
}: {
  reads: Db;
  writes: Db;
  now: () => Date;
  newId: () => string;
}): TeamRepository {
  const readTeams = reads.collection<TeamDocument>(TEAMS);
  const writeTeams = writes.collection<TeamDocument>(TEAMS);
  const withoutOutbox = { projection: { outbox: 0 } };

  return {
    async load(teamId) {
      const doc = await guarded('load team', () => readTeams.findOne({ _id: teamId }, withoutOutbox));
      return doc ? fromDocument(doc) : null;
    },

    async insert(team, events, grants, meta) {
      const { key, group } = outboxGroup(events, grants, meta, { now: now(), newId });
      try {
        await guarded('insert team', () =>
          writeTeams.insertOne({ ...toDocumentFields(team), outbox: { [key]: group }, outboxCount: 1 }),
        );
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },

    async replace(
      expectedVersion: number,
      next: Team,
      events: PendingEvent[],
      grants: GrantScope,
      meta: EventMeta,
    ) {
      const { key, group } = outboxGroup(events, grants, meta, { now: now(), newId });
      const { _id, subscriptionStateAt, ...fields } = toDocumentFields(next);
      const result = await guarded('update team', () =>
        writeTeams.updateOne(
          { _id, version: expectedVersion },
          {
            $set: { ...fields, [`outbox.${key}`]: group },
            $inc: { outboxCount: 1 },
            // The watermark only moves forward, whoever writes last.
            ...(subscriptionStateAt ? { $max: { subscriptionStateAt } } : {}),
          },
        ),
      );
      return result.modifiedCount === 1;
    },

    async appendMember(
      teamId: string,
      append: MemberAppend,
      events: PendingEvent[],
      grants: GrantScope,
      meta: EventMeta,
    ) {
      const at = now();
      const { key, group } = outboxGroup(events, grants, meta, { now: at, newId });
      const { member, guard } = append;
      // The decision's preconditions, checked again by the database in the same update.
      const filter: Record<string, unknown> = {
        _id: teamId,
        status: guard.status,
        seatsAvailable: { $gt: 0 },
        memberIds: { $ne: guard.notOnRoster },
        termsVersion: guard.termsVersion,
      };
      if (guard.actor?.role === 'owner') filter.ownerUserId = guard.actor.userId;
      if (guard.actor?.role === 'admin') filter.admins = guard.actor.userId;
      const after = await guarded('add member', () =>
        writeTeams.findOneAndUpdate(
          filter,
          {
            $push: { members: member, memberIds: member.userId },
            $inc: { seatsUsed: 1, seatsAvailable: -1, memberCount: 1, version: 1, outboxCount: 1 },
            $set: { updatedAt: at, [`outbox.${key}`]: group },
          },
          { returnDocument: 'after' },
        ),
      );
      return after ? fromDocument(after) : null;
    },

    async advanceWatermark(teamId, at) {
      await guarded('advance watermark', () =>
        writeTeams.updateOne({ _id: teamId }, { $max: { subscriptionStateAt: at } }),
      );
    },
  };
}

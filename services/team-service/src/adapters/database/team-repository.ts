import type { MemberAppend } from '../../domain/decision';
import type { GrantScope } from '../../domain/member-grants';
import type { EventMeta, TeamRepository } from '../../application/ports';
import type { Team } from '../../domain/team';
import type { PendingEvent } from '../../domain/team-events';
import { databaseCall as guarded, isDuplicateKey } from './database-errors';
import type { TeamModels } from './models';
import { fromDocument, outboxGroup, toDocumentFields, type TeamDocument } from './team-document';

/**
 * The team repository: one document per team, every change one single-document write that carries
 * its events in the same update (the outbox). Filters are built from plain values only, so no input
 * can become a query operator: an id like `{"$ne": null}` arrives as a string and matches nobody.
 * The model validates what each write stores (schemas.ts); the filters and update documents are exactly
 * the guarded single-document updates of ADR 0004, and reads are lean (plain objects, no hydration).
 */
export function createTeamRepository({
  reads,
  writes,
  now,
  newId,
}: {
  reads: TeamModels;
  writes: TeamModels;
  now: () => Date;
  newId: () => string;
}): TeamRepository {
  const readTeams = reads.teams;
  const writeTeams = writes.teams;
  const validated = { runValidators: true } as const;

  /**
   * A versioned write sets the whole team, so it is validated as a document rather than with update
   * validators, whose time grows with the square of a $set array's length (1,000 members: 0.3 s; 25,000:
   * 5 minutes; ADR 0017). Of the roster and the invites only the entries this write adds or changes are
   * validated: decisions keep unchanged entries as the same objects, and those were validated when written,
   * so a renewal of a large team does not check every member again.
   */
  async function validateChange(previous: Team, fields: Partial<TeamDocument>): Promise<void> {
    const unchanged = new Set<object>([...previous.members, ...previous.invites]);
    const changed = <T extends object>(entries: T[] = []) => entries.filter((entry) => !unchanged.has(entry));
    await writeTeams.validate(
      { ...fields, members: changed(fields.members), invites: changed(fields.invites) },
      Object.keys(fields),
    );
  }

  return {
    async load(teamId) {
      const doc = await guarded('load team', () =>
        readTeams.findOne({ _id: teamId }, { outbox: 0 }).lean<TeamDocument>().exec(),
      );
      return doc ? fromDocument(doc) : null;
    },

    async insert(team, events, grants, meta) {
      const { key, group } = outboxGroup(events, grants, meta, { now: now(), newId });
      try {
        await guarded('insert team', () =>
          writeTeams.create({ ...toDocumentFields(team), outbox: { [key]: group }, outboxCount: 1 }),
        );
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },

    async replace(previous: Team, next: Team, events: PendingEvent[], grants: GrantScope, meta: EventMeta) {
      const { key, group } = outboxGroup(events, grants, meta, { now: now(), newId });
      const { _id, subscriptionStateAt, ...fields } = toDocumentFields(next);
      await validateChange(previous, { ...fields, subscriptionStateAt, outbox: { [key]: group } });
      const result = await guarded('update team', () =>
        writeTeams.updateOne(
          { _id, version: previous.version },
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
        writeTeams
          .findOneAndUpdate(
            filter,
            {
              $push: { members: member, memberIds: member.userId },
              $inc: { seatsUsed: 1, seatsAvailable: -1, memberCount: 1, version: 1, outboxCount: 1 },
              $set: { updatedAt: at, [`outbox.${key}`]: group },
            },
            { returnDocument: 'after', ...validated },
          )
          .lean<TeamDocument>()
          .exec(),
      );
      return after ? fromDocument(after) : null;
    },

    async advanceWatermark(teamId, at) {
      await guarded('advance watermark', () =>
        writeTeams.updateOne({ _id: teamId }, { $max: { subscriptionStateAt: at } }, validated),
      );
    },
  };
}

import { grantModeSchema, roleSchema, shrinkPolicySchema, teamStatusSchema } from '@teamseat/contracts';
import { Schema, type SchemaDefinition } from 'mongoose';
import type { InviteStatus } from '../../domain/team';

// The stored documents, declared once and validated on every write (ADR 0017). The schemas describe the
// shape the code always wrote; they change nothing of it: no `__v`, no `_id` in sub-documents, empty
// objects kept, and a path a schema does not declare is refused (strict "throw") instead of being dropped
// without a word. Hot reads use `.lean()`, so they get plain objects and never hydrate a document.

/** Options of every collection's schema. */
const COLLECTION = {
  versionKey: false,
  minimize: false,
  strict: 'throw',
  id: false,
  autoIndex: false,
  autoCreate: false,
} as const;
/** Options of a sub-document: as a collection's, without an `_id` of its own. */
const PART = { ...COLLECTION, _id: false } as const;

const id = { type: String, required: true } as const;
/** Null allowed: the code always writes these, null when unset. */
const nullableString = { type: String } as const;
const nullableDate = { type: Date } as const;
const date = { type: Date, required: true } as const;
const count = {
  type: Number,
  required: true,
  min: 0,
  validate: { validator: Number.isInteger, message: '{PATH} must be a whole number' },
} as const;
/** May go below zero (seats available while over-assigned). */
const integer = {
  type: Number,
  required: true,
  validate: { validator: Number.isInteger, message: '{PATH} must be a whole number' },
} as const;
/** Arrays would default to []: an array the code failed to write is refused instead. */
const strings = { type: [String], required: true, default: undefined } as const;
const oneOf = (values: readonly string[]) => ({ type: String, required: true, enum: [...values] });

const INVITE_STATUSES: InviteStatus[] = ['pending', 'accepted', 'revoked', 'expired'];

const memberSchema = new Schema(
  {
    userId: id,
    role: oneOf(roleSchema.options),
    addedAt: date,
    addedBy: id,
    holdsSeat: { type: Boolean, required: true },
    inviteId: nullableString,
  },
  PART,
);

/** A running seat pack (ADR 0038); teams stored before packs have none. */
const seatPackSchema = new Schema({ productId: id, seats: count }, PART);

const inviteSchema = new Schema(
  {
    inviteId: id,
    email: id,
    status: oneOf(INVITE_STATUSES),
    tokenHash: id,
    expiresAt: date,
    createdBy: id,
    createdAt: date,
    acceptedBy: nullableString,
    acceptedAt: nullableDate,
    endedAt: nullableDate,
  },
  PART,
);

const storedEventSchema = new Schema(
  {
    id,
    // A field named `type` is declared as `{ type: { type: … } }`.
    type: { type: String, required: true },
    time: date,
    data: { type: Schema.Types.Mixed, required: true },
    causationid: nullableString,
    traceparent: nullableString,
  },
  PART,
);

/** Many events of an entry, stored with what they share once (team-log.ts). */
const eventRunsSchema = new Schema(
  {
    time: date,
    causationid: nullableString,
    traceparent: nullableString,
    runs: {
      type: [
        new Schema(
          {
            type: { type: String, required: true },
            data: { type: Schema.Types.Mixed, required: true },
            items: {
              type: [
                new Schema(
                  {
                    id,
                    data: { type: Schema.Types.Mixed, required: true },
                    // Only where the event's differ from the entry's (a batch of callers, ADR 0028).
                    causationid: { type: String, default: undefined },
                    traceparent: { type: String, default: undefined },
                  },
                  PART,
                ),
              ],
              required: true,
              default: undefined,
            },
          },
          PART,
        ),
      ],
      required: true,
      default: undefined,
    },
  },
  PART,
);

const grantScopeSchema = new Schema({ roster: { type: Boolean, required: true }, userIds: strings }, PART);

/** Entries added or changed, ids removed, and the new order when the change reordered the list. */
const listPatchSchema = (entry: Schema) =>
  new Schema(
    {
      put: { type: [entry], required: true, default: undefined },
      remove: strings,
      order: { type: [String], default: undefined },
    },
    // `remove` is the patch's own field here, not mongoose's document method.
    { ...PART, suppressReservedKeysWarning: true },
  );

/**
 * `team_log`: one entry per version, `_id` = `<teamId>/<version, 10 digits>` (ADR 0024). Inserting it is
 * the write's atomic step: of two writers of one version the second gets a duplicate key.
 */
export const logEntrySchema = new Schema(
  {
    _id: id,
    teamId: id,
    version: count,
    at: date,
    patch: {
      type: new Schema(
        {
          // The changed scalar fields of the team; their types are those of teamState below.
          set: { type: Schema.Types.Mixed, required: true },
          members: { type: listPatchSchema(memberSchema), required: true },
          invites: { type: listPatchSchema(inviteSchema), required: true },
        },
        PART,
      ),
      required: true,
    },
    events: { type: [storedEventSchema], required: true, default: undefined },
    eventRuns: { type: eventRunsSchema, default: undefined },
    grants: { type: grantScopeSchema, required: true },
    causationid: nullableString,
  },
  COLLECTION,
);

/** `team_outbox_pending`: `_id` as the log entry's; written before the entry, removed once it is published. */
export const pendingSchema = new Schema({ _id: id, teamId: id, version: count, at: date }, COLLECTION);

/** `team_outbox_published`: per team (`_id`), the last version the relay published. */
export const publishedSchema = new Schema({ _id: id, version: count }, COLLECTION);

/** `team_outbox_relays`: per relay (`_id`), until when it is alive; only that relay writes it. */
export const relaySchema = new Schema({ _id: id, until: date }, COLLECTION);

/** `team_outbox_leases`: `_id` = `<slot>/<epoch>`; the relay holding a slot publishes its teams. */
export const leaseSchema = new Schema(
  { _id: id, slot: count, epoch: count, owner: id, until: date },
  COLLECTION,
);

/** What a team document and its summary both hold: the team without roster and invites, and its counters. */
const teamState: SchemaDefinition = {
  _id: id,
  ownerUserId: id,
  subscriberUserId: id,
  managementEntitlement: id,
  subscriptionGroup: { type: String },
  productId: id,
  status: oneOf(teamStatusSchema.options),
  seatLimit: count,
  seatPacks: { type: [seatPackSchema], default: undefined },
  periodEndsAt: nullableDate,
  memberEntitlements: strings,
  grantMode: oneOf(grantModeSchema.options),
  shrinkPolicy: oneOf(shrinkPolicySchema.options),
  ownerTakesSeat: { type: Boolean, required: true },
  adminChoiceGraceHours: count,
  overAssignedUntil: nullableDate,
  subscriptionStateAt: nullableDate,
  rosterRetainedUntil: nullableDate,
  version: count,
  termsVersion: count,
  createdAt: date,
  updatedAt: date,
  admins: strings,
  seatsUsed: count,
  pendingInvites: count,
  seatsAvailable: integer,
  memberCount: count,
};

/**
 * `teams`: the projection of the log at some version (ADR 0024), with fields derived for listings and
 * scans (memberIds, admins, seat counts, nextDeadlineAt).
 */
export const teamSchema = new Schema(
  {
    ...teamState,
    members: { type: [memberSchema], required: true, default: undefined },
    invites: { type: [inviteSchema], required: true, default: undefined },
    memberIds: strings,
    nextDeadlineAt: nullableDate,
  },
  COLLECTION,
);
// For the slow background scans on MongoDB proper; FerretDB 1.x answers only `_id` lookups from an index.
teamSchema.index({ nextDeadlineAt: 1 }, { name: 'next_deadline' });

/** `team_summaries`: one small document per team for listings. */
export const summarySchema = new Schema(teamState, COLLECTION);

/** `user_teams`: per user (`_id`), the teams whose roster they are on, with the team's creation time. */
export const userTeamsSchema = new Schema(
  {
    _id: id,
    teams: { type: Map, of: new Schema({ createdAt: date }, PART) },
  },
  COLLECTION,
);

/** `team_keys`: (subscriber, management entitlement) as `_id` → the team id. */
export const teamKeySchema = new Schema({ _id: id, teamId: id }, COLLECTION);

import { AppError } from '@teamseat/errors';
import { z } from 'zod';
import { cloudEventSchema, isoDateTime, nonEmptyString } from './envelope';

// Events team-service publishes on teamseat.team-events.v1, keyed by teamId, written in the same
// atomic update as the change they describe (outbox). Each carries what a consumer needs to act
// without calling back: the team, its owner and product, and for roster and status events the grant
// terms (member entitlements, grant mode, status, seat limit, period end).

export const teamStatusSchema = z.enum(['active', 'grace', 'expired']);
export const roleSchema = z.enum(['owner', 'admin', 'member']);
export const grantModeSchema = z.enum(['period', 'lifetime']);
export const shrinkPolicySchema = z.enum(['block', 'remove-last-joined', 'admin-choice']);
export const memberRemovedReasonSchema = z.enum([
  'removed-by-admin',
  'left',
  'seat-limit-reduced',
  'team-expired',
  'ownership-transferred',
]);
export const transferKindSchema = z.enum(['owner-initiated', 'store-transfer']);

export type TeamStatus = z.infer<typeof teamStatusSchema>;
export type Role = z.infer<typeof roleSchema>;
export type GrantMode = z.infer<typeof grantModeSchema>;
export type ShrinkPolicy = z.infer<typeof shrinkPolicySchema>;
export type MemberRemovedReason = z.infer<typeof memberRemovedReasonSchema>;

const seatCount = z.number().int().nonnegative();

const teamRef = {
  teamId: nonEmptyString,
  ownerUserId: nonEmptyString,
  productId: nonEmptyString,
  /** Team version after the change; a consumer may drop an event older than what it has seen. */
  teamVersion: z.number().int().nonnegative(),
};

const grantTerms = {
  status: teamStatusSchema,
  seatLimit: seatCount,
  /** End of the paid (or grace) period; null for a lifetime purchase. */
  periodEndsAt: isoDateTime.nullable(),
  memberEntitlements: z.array(nonEmptyString).min(1),
  grantMode: grantModeSchema,
};

const data = <Shape extends z.ZodRawShape>(shape: Shape) => z.object({ ...teamRef, ...shape }).passthrough();

export const TEAM_EVENT_TYPES = {
  TeamProvisioned: 'teamseat.team.TeamProvisioned.v1',
  SeatLimitChanged: 'teamseat.team.SeatLimitChanged.v1',
  MemberAdded: 'teamseat.team.MemberAdded.v1',
  MemberRemoved: 'teamseat.team.MemberRemoved.v1',
  InviteCreated: 'teamseat.team.InviteCreated.v1',
  InviteAccepted: 'teamseat.team.InviteAccepted.v1',
  InviteRevoked: 'teamseat.team.InviteRevoked.v1',
  InviteExpired: 'teamseat.team.InviteExpired.v1',
  AdminGranted: 'teamseat.team.AdminGranted.v1',
  AdminRevoked: 'teamseat.team.AdminRevoked.v1',
  OwnershipTransferred: 'teamseat.team.OwnershipTransferred.v1',
  TeamExpired: 'teamseat.team.TeamExpired.v1',
  TeamReactivated: 'teamseat.team.TeamReactivated.v1',
  TeamStatusChanged: 'teamseat.team.TeamStatusChanged.v1',
  RosterCleared: 'teamseat.team.RosterCleared.v1',
} as const;

const T = TEAM_EVENT_TYPES;

export const teamEventDataSchemas = {
  [T.TeamProvisioned]: data({
    ...grantTerms,
    subscriberUserId: nonEmptyString,
    managementEntitlement: nonEmptyString,
    shrinkPolicy: shrinkPolicySchema,
    ownerTakesSeat: z.boolean(),
  }),
  /** The product's terms changed: seat limit, product (a tier change) or member entitlements. */
  [T.SeatLimitChanged]: data({
    ...grantTerms,
    previousSeatLimit: seatCount,
    previousProductId: nonEmptyString,
    previousMemberEntitlements: z.array(nonEmptyString).min(1),
    previousGrantMode: grantModeSchema,
    seatsUsed: seatCount,
    /** Set when the limit fell below the seated members under admin-choice. */
    overAssignedUntil: isoDateTime.nullable(),
  }),
  [T.MemberAdded]: data({
    ...grantTerms,
    userId: nonEmptyString,
    role: roleSchema,
    addedBy: nonEmptyString,
    holdsSeat: z.boolean(),
    inviteId: nonEmptyString.nullable(),
  }),
  [T.MemberRemoved]: data({
    ...grantTerms,
    userId: nonEmptyString,
    role: roleSchema,
    reason: memberRemovedReasonSchema,
    /** The actor, or null when the system removed the member (shrink, expiry, transfer). */
    removedBy: nonEmptyString.nullable(),
  }),
  [T.InviteCreated]: data({
    inviteId: nonEmptyString,
    email: z.string().email(),
    expiresAt: isoDateTime,
    createdBy: nonEmptyString,
    /** True when ResendInvite issued a new token for an existing invite. */
    resent: z.boolean(),
  }),
  [T.InviteAccepted]: data({ inviteId: nonEmptyString, userId: nonEmptyString }),
  [T.InviteRevoked]: data({ inviteId: nonEmptyString, revokedBy: nonEmptyString }),
  [T.InviteExpired]: data({ inviteId: nonEmptyString }),
  [T.AdminGranted]: data({ userId: nonEmptyString, grantedBy: nonEmptyString }),
  [T.AdminRevoked]: data({ userId: nonEmptyString, revokedBy: nonEmptyString }),
  [T.OwnershipTransferred]: data({
    ...grantTerms,
    previousOwnerUserId: nonEmptyString,
    subscriberUserId: nonEmptyString,
    kind: transferKindSchema,
    /** What the previous owner became; null when they left the team. */
    previousOwnerRole: z.enum(['admin', 'member']).nullable(),
  }),
  /**
   * The roster loses access with the expiry: one event for all (each user gets a grant-terms fact on
   * teamseat.member-grants.v1), not a MemberRemoved per member. With a roster retention (ADR 0030) the
   * members stay as suspended members until `rosterRetainedUntil`; without one they are removed.
   */
  [T.TeamExpired]: data({
    ...grantTerms,
    previousStatus: teamStatusSchema,
    memberCount: seatCount,
    removedUserCount: seatCount.optional(),
    suspendedUserCount: seatCount.optional(),
    rosterRetainedUntil: isoDateTime.nullable().optional(),
  }),
  /** Back from expired; `restoredUserCount` suspended members got their seats back (ADR 0030). */
  [T.TeamReactivated]: data({
    ...grantTerms,
    previousStatus: teamStatusSchema,
    memberCount: seatCount,
    restoredUserCount: seatCount.optional(),
  }),
  /** Any other change of status or period end, renewals included (expiry and reactivation have their own). */
  [T.TeamStatusChanged]: data({
    ...grantTerms,
    previousStatus: teamStatusSchema,
    previousPeriodEndsAt: isoDateTime.nullable(),
  }),
  /** The suspended members of an expired team left when its roster retention ended (ADR 0030). */
  [T.RosterCleared]: data({ removedUserCount: seatCount, retainedUntil: isoDateTime.nullable() }),
};

type DataSchemas = typeof teamEventDataSchemas;
export type TeamEventType = keyof DataSchemas;

const S = teamEventDataSchemas;
const envelope = <Type extends TeamEventType>(type: Type) => cloudEventSchema(type, S[type]);

/** Any team event; the subject must be the teamId. */
export const teamEventSchema = z
  .discriminatedUnion('type', [
    envelope(T.TeamProvisioned),
    envelope(T.SeatLimitChanged),
    envelope(T.MemberAdded),
    envelope(T.MemberRemoved),
    envelope(T.InviteCreated),
    envelope(T.InviteAccepted),
    envelope(T.InviteRevoked),
    envelope(T.InviteExpired),
    envelope(T.AdminGranted),
    envelope(T.AdminRevoked),
    envelope(T.OwnershipTransferred),
    envelope(T.TeamExpired),
    envelope(T.TeamReactivated),
    envelope(T.TeamStatusChanged),
    envelope(T.RosterCleared),
  ])
  .superRefine((event, ctx) => {
    if (event.subject !== event.data.teamId) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'must equal data.teamId' });
    }
  });

export type TeamEvent = z.infer<typeof teamEventSchema>;
export type TeamEventInput = z.input<typeof teamEventSchema>;
export type TeamEventOf<Type extends TeamEventType> = Extract<TeamEvent, { type: Type }>;
export type TeamEventData<Type extends TeamEventType> = z.infer<DataSchemas[Type]>;
export type TeamEventDataInput<Type extends TeamEventType> = z.input<DataSchemas[Type]>;

export function isTeamEventType(type: unknown): type is TeamEventType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(teamEventDataSchemas, type);
}

/**
 * A later producer may publish types this consumer does not know yet; they fail with reason
 * UNKNOWN_EVENT_TYPE (not INVALID_ENVELOPE) so a consumer can skip them instead of dead-lettering.
 */
export function assertKnownTeamEventType(envelope: unknown): void {
  const type =
    typeof envelope === 'object' && envelope !== null ? (envelope as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && type.startsWith('teamseat.team.') && !isTeamEventType(type)) {
    throw new AppError('INVALID_ARGUMENT', `envelope: type: unknown team event type "${type}"`, {
      reason: 'UNKNOWN_EVENT_TYPE',
      details: { field: 'type', type },
    });
  }
}

import {
  adminsOf,
  nextDeadline,
  pendingInvites,
  seatsAvailable,
  seatsUsed,
  type Invite,
  type Member,
  type Team,
} from '../../domain/team';

/** One event waiting in a team's outbox, as the relay will publish it (teamVersion added then). */
export interface StoredEvent {
  id: string;
  type: string;
  time: Date;
  data: Record<string, unknown>;
  causationid: string | null;
  traceparent: string | null;
}

/**
 * The `teams` document: the projection of the team's log at `version` (ADR 0024), with fields derived
 * from it for listings and scans (memberIds, admins, seat counts, nextDeadlineAt).
 */
export interface TeamDocument extends Omit<Team, 'teamId'> {
  _id: string;
  memberIds: string[];
  admins: string[];
  seatsUsed: number;
  pendingInvites: number;
  seatsAvailable: number;
  memberCount: number;
  nextDeadlineAt: Date | null;
}

/** The stored fields of a team. */
export function toDocumentFields(team: Team): TeamDocument {
  const { teamId, ...rest } = team;
  return {
    _id: teamId,
    ...rest,
    memberIds: team.members.map((member) => member.userId),
    admins: adminsOf(team),
    seatsUsed: seatsUsed(team),
    pendingInvites: pendingInvites(team).length,
    seatsAvailable: seatsAvailable(team),
    memberCount: team.members.length,
    nextDeadlineAt: nextDeadline(team),
  };
}

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const dateOrNull = (value: unknown): Date | null =>
  value === null || value === undefined ? null : date(value);

export function toMember(raw: Member): Member {
  return {
    userId: raw.userId,
    role: raw.role,
    addedAt: date(raw.addedAt),
    addedBy: raw.addedBy,
    holdsSeat: Boolean(raw.holdsSeat),
    inviteId: raw.inviteId ?? null,
  };
}

export function toInvite(raw: Invite): Invite {
  return {
    inviteId: raw.inviteId,
    email: raw.email,
    status: raw.status,
    tokenHash: raw.tokenHash,
    expiresAt: date(raw.expiresAt),
    createdBy: raw.createdBy,
    createdAt: date(raw.createdAt),
    acceptedBy: raw.acceptedBy ?? null,
    acceptedAt: dateOrNull(raw.acceptedAt),
    endedAt: dateOrNull(raw.endedAt),
  };
}

export function fromDocument(doc: TeamDocument): Team {
  return {
    teamId: doc._id,
    ownerUserId: doc.ownerUserId,
    subscriberUserId: doc.subscriberUserId,
    managementEntitlement: doc.managementEntitlement,
    // Teams made before subscription groups (ADR 0030) are their line's default group.
    subscriptionGroup: doc.subscriptionGroup ?? doc.managementEntitlement,
    productId: doc.productId,
    status: doc.status,
    seatLimit: doc.seatLimit,
    seatPacks: (doc.seatPacks ?? []).map(({ productId, seats }) => ({ productId, seats })),
    periodEndsAt: dateOrNull(doc.periodEndsAt),
    memberEntitlements: [...(doc.memberEntitlements ?? [])],
    grantMode: doc.grantMode,
    shrinkPolicy: doc.shrinkPolicy,
    ownerTakesSeat: Boolean(doc.ownerTakesSeat),
    adminChoiceGraceHours: doc.adminChoiceGraceHours,
    overAssignedUntil: dateOrNull(doc.overAssignedUntil),
    subscriptionStateAt: dateOrNull(doc.subscriptionStateAt),
    rosterRetainedUntil: dateOrNull(doc.rosterRetainedUntil),
    members: (doc.members ?? []).map(toMember),
    invites: (doc.invites ?? []).map(toInvite),
    version: doc.version,
    termsVersion: doc.termsVersion ?? 0,
    createdAt: date(doc.createdAt),
    updatedAt: date(doc.updatedAt),
  };
}

import type { GrantScope } from '../../domain/member-grants';
import type { EventMeta } from '../../application/ports';
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
import type { PendingEvent } from '../../domain/team-events';

/** One event waiting in a team's outbox, as the relay will publish it (teamVersion added then). */
export interface StoredEvent {
  id: string;
  type: string;
  time: Date;
  data: Record<string, unknown>;
  causationid: string | null;
  traceparent: string | null;
}

/** The events of one write. One group per version: the relay derives each group's version from that. */
export interface OutboxGroup {
  at: Date;
  events: StoredEvent[];
  /** The users whose grant-terms facts the write calls for (ADR 0016). */
  grants: GrantScope;
  causationid: string | null;
}

/**
 * The `teams` document. Besides the team itself it holds fields derived from it for the guarded
 * add-member filter (memberIds, admins, seatsAvailable) and for listings, and `outbox`: an object whose
 * keys are write ids in insertion (= commit) order, so the relay can `$unset` the groups it published.
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
  outbox?: Record<string, OutboxGroup>;
  outboxCount?: number;
}

/** The stored fields of a team: everything but the outbox. */
export function toDocumentFields(team: Team): Omit<TeamDocument, 'outbox' | 'outboxCount'> {
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

function toMember(raw: Member): Member {
  return {
    userId: raw.userId,
    role: raw.role,
    addedAt: date(raw.addedAt),
    addedBy: raw.addedBy,
    holdsSeat: Boolean(raw.holdsSeat),
    inviteId: raw.inviteId ?? null,
  };
}

function toInvite(raw: Invite): Invite {
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
    productId: doc.productId,
    status: doc.status,
    seatLimit: doc.seatLimit,
    periodEndsAt: dateOrNull(doc.periodEndsAt),
    memberEntitlements: [...(doc.memberEntitlements ?? [])],
    grantMode: doc.grantMode,
    shrinkPolicy: doc.shrinkPolicy,
    ownerTakesSeat: Boolean(doc.ownerTakesSeat),
    adminChoiceGraceHours: doc.adminChoiceGraceHours,
    overAssignedUntil: dateOrNull(doc.overAssignedUntil),
    subscriptionStateAt: dateOrNull(doc.subscriptionStateAt),
    members: (doc.members ?? []).map(toMember),
    invites: (doc.invites ?? []).map(toInvite),
    version: doc.version,
    termsVersion: doc.termsVersion ?? 0,
    createdAt: date(doc.createdAt),
    updatedAt: date(doc.updatedAt),
  };
}

/** The outbox group of one write, keyed so that keys never look like array indexes. */
export function outboxGroup(
  events: PendingEvent[],
  grants: GrantScope,
  meta: EventMeta,
  { now, newId }: { now: Date; newId: () => string },
): { key: string; group: OutboxGroup } {
  const stored = events.map(
    (event): StoredEvent => ({
      id: newId(),
      type: event.type,
      time: now,
      data: event.data as Record<string, unknown>,
      causationid: meta.causationId,
      traceparent: meta.traceparent,
    }),
  );
  const key = `g${(stored[0]?.id ?? newId()).replaceAll('-', '')}`;
  return { key, group: { at: now, events: stored, grants, causationid: meta.causationId } };
}

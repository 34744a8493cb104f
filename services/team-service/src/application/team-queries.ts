import { seatSourcesOf, type SeatSource } from '../domain/seat-sources';
import {
  adminsOf,
  compareByJoin,
  pendingInvites,
  seatsAvailable,
  seatsUsed,
  type Invite,
  type InviteStatus,
  type Member,
  type Role,
  type Team,
} from '../domain/team';

/** Counts a client shows as "x of n". */
export interface SeatUsage {
  seatLimit: number;
  seatsUsed: number;
  pendingInvites: number;
  seatsAvailable: number;
  memberCount: number;
  /** Where seatLimit comes from: the plan, then each running seat pack (ADR 0038). */
  seatSources: SeatSource[];
}

export function seatUsageOf(team: Team): SeatUsage {
  return {
    seatLimit: team.seatLimit,
    seatsUsed: seatsUsed(team),
    pendingInvites: pendingInvites(team).length,
    seatsAvailable: seatsAvailable(team),
    memberCount: team.members.length,
    seatSources: seatSourcesOf(team),
  };
}

export { adminsOf };

export interface Page<Item, Cursor> {
  items: Item[];
  /** Where the next page starts; null on the last page. */
  next: Cursor | null;
  total: number;
}

export interface MemberCursor {
  addedAt: number;
  userId: string;
}

/** The roster in a stable order (added_at, then user_id), starting after the cursor. */
export function pageOfMembers(
  team: Team,
  { roles, after, pageSize }: { roles: Role[]; after: MemberCursor | null; pageSize: number },
): Page<Member, MemberCursor> {
  const matching = team.members
    .filter((m) => roles.length === 0 || roles.includes(m.role))
    .sort(compareByJoin);
  const start =
    after === null
      ? 0
      : matching.findIndex(
          (m) => compareByJoin(m, { ...m, addedAt: new Date(after.addedAt), userId: after.userId }) > 0,
        );
  const items = start < 0 ? [] : matching.slice(start, start + pageSize);
  const last = items[items.length - 1];
  const more = start >= 0 && start + pageSize < matching.length;
  return {
    items,
    next: more && last ? { addedAt: last.addedAt.getTime(), userId: last.userId } : null,
    total: matching.length,
  };
}

export interface InviteCursor {
  createdAt: number;
  inviteId: string;
}

/** A pending invite past its expiry reads as expired even before the sweeper marks it. */
export function effectiveStatus(invite: Invite, now: Date): InviteStatus {
  return invite.status === 'pending' && invite.expiresAt.getTime() <= now.getTime()
    ? 'expired'
    : invite.status;
}

const newestFirst = (a: Invite, b: Invite) =>
  b.createdAt.getTime() - a.createdAt.getTime() ||
  (a.inviteId < b.inviteId ? -1 : a.inviteId > b.inviteId ? 1 : 0);

/** Invites newest first (created_at desc, then invite_id), starting after the cursor. */
export function pageOfInvites(
  team: Team,
  {
    statuses,
    after,
    pageSize,
    now,
  }: { statuses: InviteStatus[]; after: InviteCursor | null; pageSize: number; now: Date },
): Page<Invite & { status: InviteStatus }, InviteCursor> {
  const matching = team.invites
    .map((invite) => ({ ...invite, status: effectiveStatus(invite, now) }))
    .filter((invite) => statuses.length === 0 || statuses.includes(invite.status))
    .sort(newestFirst);
  const start =
    after === null
      ? 0
      : matching.findIndex(
          (i) => newestFirst(i, { ...i, createdAt: new Date(after.createdAt), inviteId: after.inviteId }) > 0,
        );
  const items = start < 0 ? [] : matching.slice(start, start + pageSize);
  const last = items[items.length - 1];
  const more = start >= 0 && start + pageSize < matching.length;
  return {
    items,
    next: more && last ? { createdAt: last.createdAt.getTime(), inviteId: last.inviteId } : null,
    total: matching.length,
  };
}

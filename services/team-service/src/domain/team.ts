import type { GrantMode, Role, ShrinkPolicy, TeamStatus } from '@teamseat/contracts';
import { memberIn, seatHolders } from './roster-index';

export type { GrantMode, Role, ShrinkPolicy, TeamStatus };

export type InviteStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** One entry of the roster. The owner is always on it; `holdsSeat` is false for an owner without a seat. */
export interface Member {
  userId: string;
  role: Role;
  addedAt: Date;
  /** The actor, the inviter for an accepted invite, or "system". */
  addedBy: string;
  holdsSeat: boolean;
  inviteId: string | null;
}

export interface Invite {
  inviteId: string;
  /** Lower-cased and trimmed. */
  email: string;
  status: InviteStatus;
  /** sha256 of the secret part of the token; the token itself is never stored. */
  tokenHash: string;
  expiresAt: Date;
  createdBy: string;
  createdAt: Date;
  acceptedBy: string | null;
  acceptedAt: Date | null;
  /** When it stopped being pending (accepted, revoked or expired). */
  endedAt: Date | null;
}

/** A running seat pack of the team's subscriber: a store subscription that adds seats (ADR 0038). */
export interface SeatPack {
  productId: string;
  seats: number;
}

/** The product terms a subscription gives the team (entitlement-service sends them from the catalog). */
export interface TeamTerms {
  productId: string;
  /** The plan's seats plus the running seat packs' (ADR 0038); in a SubscriptionState, the plan's alone. */
  seatLimit: number;
  /** The subscriber's running seat packs for this team, by product id; none while expired (ADR 0038). */
  seatPacks: SeatPack[];
  memberEntitlements: string[];
  grantMode: GrantMode;
  shrinkPolicy: ShrinkPolicy;
  ownerTakesSeat: boolean;
  adminChoiceGraceHours: number;
}

export interface Team extends TeamTerms {
  teamId: string;
  ownerUserId: string;
  subscriberUserId: string;
  managementEntitlement: string;
  /**
   * The store subscription group of the team's product (catalog; default: the management entitlement). One
   * subscription is one team: with the subscriber and the management entitlement, the team's key (ADR 0030).
   */
  subscriptionGroup: string;
  status: TeamStatus;
  /** null for a lifetime purchase. */
  periodEndsAt: Date | null;
  /** Set while over-assigned under admin-choice: when the last joined will be removed. */
  overAssignedUntil: Date | null;
  /** source_event_at of the last applied subscription state (the watermark). */
  subscriptionStateAt: Date | null;
  /**
   * Set while an expired team keeps its roster as suspended members (ADR 0030): a subscription back by
   * then restores them, and at that time the deadline sweeper clears them. null otherwise.
   */
  rosterRetainedUntil: Date | null;
  members: Member[];
  invites: Invite[];
  /** +1 with every change that emits events; events carry it. */
  version: number;
  /**
   * +1 whenever anything an event copies from the team (owner, status, terms) changes. The guarded
   * add-member write checks it, so the MemberAdded it writes never carries outdated terms.
   */
  termsVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export const SYSTEM_ACTOR = 'system';

/** What identifies a team besides its subscriber: its line and the subscription group within it. */
export type TeamLine = Pick<Team, 'managementEntitlement' | 'subscriptionGroup'>;

/** "entitlement" for a line's default group, "entitlement/group" otherwise: for messages. */
export function describeLine(line: TeamLine): string {
  return line.subscriptionGroup === line.managementEntitlement
    ? line.managementEntitlement
    : `${line.managementEntitlement}/${line.subscriptionGroup}`;
}

export function sameLine(a: TeamLine, b: TeamLine): boolean {
  return a.managementEntitlement === b.managementEntitlement && a.subscriptionGroup === b.subscriptionGroup;
}

/** The member with this user id: by index, not a scan of the roster (roster-index.ts). */
export function findMember(team: Team, userId: string): Member | undefined {
  return memberIn(team.members, userId);
}

/** Seats in use: none while expired, where the members kept are suspended (ADR 0030). */
export function seatsUsed(team: Team): number {
  if (team.status === 'expired') return 0;
  return seatHolders(team.members);
}

/** The members an expired team keeps without access until its roster retention ends (ADR 0030). */
export function suspendedMembers(team: Team): Member[] {
  return team.status === 'expired' ? team.members.filter((member) => member.role !== 'owner') : [];
}

export function pendingInvites(team: Team): Invite[] {
  return team.invites.filter((invite) => invite.status === 'pending');
}

/** seat_limit - seats_used - pending_invites; negative while over-assigned. */
export function seatsAvailable(team: Team): number {
  return team.seatLimit - seatsUsed(team) - pendingInvites(team).length;
}

export function adminsOf(team: Team): string[] {
  return team.members.filter((member) => member.role === 'admin').map((member) => member.userId);
}

/** Pending invites past their expiry that nobody has marked expired yet. */
export function overdueInvites(team: Team, now: Date): Invite[] {
  return pendingInvites(team).filter((invite) => invite.expiresAt.getTime() <= now.getTime());
}

/**
 * The next moment the team needs attention without a request: an invite expiry, the admin-choice deadline
 * or the end of a kept roster's retention.
 */
export function nextDeadline(team: Team): Date | null {
  const times = pendingInvites(team).map((invite) => invite.expiresAt.getTime());
  if (team.overAssignedUntil && seatsUsed(team) > team.seatLimit)
    times.push(team.overAssignedUntil.getTime());
  if (team.rosterRetainedUntil && suspendedMembers(team).length > 0)
    times.push(team.rosterRetainedUntil.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times));
}

/** Stable roster order (ListMembers, remove-last-joined): added_at ascending, then user_id. */
export function compareByJoin(a: Member, b: Member): number {
  const byTime = a.addedAt.getTime() - b.addedAt.getTime();
  if (byTime !== 0) return byTime;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

/** A team without its roster and invites: what listings show, kept small for cheap reads. */
export interface TeamSummary extends Omit<Team, 'members' | 'invites'> {
  admins: string[];
  seatsUsed: number;
  pendingInvites: number;
  seatsAvailable: number;
  memberCount: number;
}

/** Teams are never changed in place, so one team object always has one summary (computed once: O(roster)). */
const summaries = new WeakMap<Team, TeamSummary>();

export function summaryOf(team: Team): TeamSummary {
  let summary = summaries.get(team);
  if (!summary) {
    summary = computeSummary(team);
    summaries.set(team, summary);
  }
  return summary;
}

function computeSummary(team: Team): TeamSummary {
  const { members: _members, invites: _invites, ...rest } = team;
  return {
    ...rest,
    memberEntitlements: [...team.memberEntitlements],
    admins: adminsOf(team),
    seatsUsed: seatsUsed(team),
    pendingInvites: pendingInvites(team).length,
    seatsAvailable: seatsAvailable(team),
    memberCount: team.members.length,
  };
}

/** The role a summary shows for a user known to be on the roster. */
export function roleInSummary(summary: TeamSummary, userId: string): Role {
  if (summary.ownerUserId === userId) return 'owner';
  return summary.admins.includes(userId) ? 'admin' : 'member';
}

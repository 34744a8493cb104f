import { inviteExpired, type PendingEvent } from './team-events';
import { overdueInvites, type Invite, type Team } from './team';

/** Finished invites kept for ListInvites: this many at most, and none older than this. */
export const KEPT_FINISHED_INVITES = 200;
export const FINISHED_INVITE_RETENTION_MS = 90 * 24 * 3_600_000;

/**
 * Marks pending invites past their expiry as expired, freeing their seats. Nothing deletes documents by
 * time here (FerretDB has no TTL indexes), so every decision that counts seats calls this first and the
 * deadline sweeper calls it for teams nobody touches.
 */
export function expireOverdueInvites(team: Team, now: Date): { team: Team; events: PendingEvent[] } {
  const overdue = new Set(overdueInvites(team, now).map((invite) => invite.inviteId));
  if (overdue.size === 0) return { team, events: [] };
  const invites = team.invites.map(
    (invite): Invite =>
      overdue.has(invite.inviteId) ? { ...invite, status: 'expired', endedAt: invite.expiresAt } : invite,
  );
  const next = { ...team, invites };
  return { team: next, events: [...overdue].map((inviteId) => inviteExpired(next, inviteId)) };
}

/** Drops the oldest finished invites so the team document stays small; pending ones always stay. */
export function pruneFinishedInvites(invites: Invite[], now: Date): Invite[] {
  const cutoff = now.getTime() - FINISHED_INVITE_RETENTION_MS;
  const finished = invites
    .filter((invite) => invite.status !== 'pending')
    .filter((invite) => (invite.endedAt ?? invite.createdAt).getTime() >= cutoff)
    .sort((a, b) => (b.endedAt ?? b.createdAt).getTime() - (a.endedAt ?? a.createdAt).getTime())
    .slice(0, KEPT_FINISHED_INVITES);
  const keep = new Set(finished.map((invite) => invite.inviteId));
  return invites.filter((invite) => invite.status === 'pending' || keep.has(invite.inviteId));
}

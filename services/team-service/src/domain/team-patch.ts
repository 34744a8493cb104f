import type { Invite, Member, Team } from './team';

/**
 * What one change did to a team, small enough to store per version (ADR 0024): the scalar fields it set,
 * and per keyed list (members by user id, invites by invite id) the entries it added or changed and the
 * ids it removed. A 25,000-member team's renewal is a few fields, not the roster.
 */
export interface ListPatch<Entry> {
  /** Entries added (appended in this order) or changed (replaced in place). */
  put: Entry[];
  /** Ids removed. */
  remove: string[];
  /** The ids in their new order, only when the change reordered the list. */
  order?: string[];
}

export interface TeamPatch {
  /** Scalar fields of the team (everything but members and invites) whose value changed. */
  set: Partial<Omit<Team, 'members' | 'invites'>>;
  members: ListPatch<Member>;
  invites: ListPatch<Invite>;
}

type Scalars = Omit<Team, 'members' | 'invites'>;

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((value, index) => sameValue(value, b[index]))
    );
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) =>
      sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    );
  }
  return a === b;
}

function listPatch<Entry>(before: Entry[], after: Entry[], idOf: (entry: Entry) => string): ListPatch<Entry> {
  // The common case of a large roster, a join: every entry kept as it was, new ones after them.
  if (after.length >= before.length && before.every((entry, index) => after[index] === entry)) {
    return { put: after.slice(before.length), remove: [] };
  }
  const was = new Map(before.map((entry) => [idOf(entry), entry]));
  const is = new Set(after.map(idOf));
  // Entries a decision kept are the same objects: only the others are compared.
  const put = after.filter((entry) => {
    const previous = was.get(idOf(entry));
    return previous !== entry && (previous === undefined || !sameValue(previous, entry));
  });
  const remove = before.map(idOf).filter((id) => !is.has(id));
  const patch: ListPatch<Entry> = { put, remove };
  const natural = applyList(before, patch, idOf).map(idOf);
  const order = after.map(idOf);
  if (!sameValue(natural, order)) patch.order = order;
  return patch;
}

function applyList<Entry>(before: Entry[], patch: ListPatch<Entry>, idOf: (entry: Entry) => string): Entry[] {
  const removed = new Set(patch.remove);
  const changed = new Map(patch.put.map((entry) => [idOf(entry), entry]));
  const kept = before
    .filter((entry) => !removed.has(idOf(entry)))
    .map((entry) => {
      const replacement = changed.get(idOf(entry));
      if (replacement) changed.delete(idOf(entry));
      return replacement ?? entry;
    });
  const result = [...kept, ...changed.values()];
  if (!patch.order) return result;
  const byId = new Map(result.map((entry) => [idOf(entry), entry]));
  return patch.order.flatMap((id) => {
    const entry = byId.get(id);
    return entry ? [entry] : [];
  });
}

const memberId = (member: Member) => member.userId;
const inviteId = (invite: Invite) => invite.inviteId;

/** The patch that turns `before` (null: nothing yet) into `after`. Pure; O(roster). */
export function patchOf(before: Team | null, after: Team): TeamPatch {
  const { members, invites, ...scalars } = after;
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(scalars)) {
    if (before === null || !sameValue(before[key as keyof Scalars], value)) set[key] = value;
  }
  return {
    set: set as TeamPatch['set'],
    members: listPatch(before?.members ?? [], members, memberId),
    invites: listPatch(before?.invites ?? [], invites, inviteId),
  };
}

/** `before` with the patch applied; `applyPatch(before, patchOf(before, after))` equals `after`. */
export function applyPatch(before: Team | null, patch: TeamPatch): Team {
  return {
    ...(before ?? {}),
    ...patch.set,
    members: applyList(before?.members ?? [], patch.members, memberId),
    invites: applyList(before?.invites ?? [], patch.invites, inviteId),
  } as Team;
}

/** True when the change only appended entries and set fields: a projection can take it without a rewrite. */
export function onlyAppends(before: Team, patch: TeamPatch): boolean {
  const known = (ids: Set<string>, entries: Array<{ id: string }>) => entries.some(({ id }) => ids.has(id));
  const memberIds = new Set(before.members.map(memberId));
  const inviteIds = new Set(before.invites.map(inviteId));
  return (
    patch.members.remove.length === 0 &&
    patch.invites.remove.length === 0 &&
    !patch.members.order &&
    !patch.invites.order &&
    !known(
      memberIds,
      patch.members.put.map((m) => ({ id: m.userId })),
    ) &&
    !known(
      inviteIds,
      patch.invites.put.map((i) => ({ id: i.inviteId })),
    )
  );
}

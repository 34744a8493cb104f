import type { Member } from './team';

/**
 * Membership look-ups and the seat count of a roster without scanning it on every join (ADR 0028).
 *
 * Rosters are never changed in place, and a join makes `[...members, member]`: the same objects, one more.
 * So an index is shared along such a line of rosters: a roster that starts with an indexed roster's very
 * objects adds its new entries to that roster's index (its prefix is checked by reference, not by id). A
 * map can hold one position per user, and two rosters of one line (a decision that was not written, say)
 * may put different members at the same place: a hit is believed only when the roster holds that very
 * object at that place, and anything else falls back to a scan. Any other roster (a removal, a reorder)
 * starts a new index, once. A roster holds each user once (the decisions refuse a second join); for such
 * rosters every answer equals the scan's. A memo, not state.
 */
interface Line {
  /** userId → the member object and its place, as last indexed on this line. */
  at: Map<string, { member: Member; index: number }>;
}

interface Indexed {
  line: Line;
  /** How many of the roster's members hold a seat. */
  seats: number;
}

const indexes = new WeakMap<readonly Member[], Indexed>();
/** The roster each roster was last extended from (so its prefix can be checked against it). */
const parents = new WeakMap<readonly Member[], readonly Member[]>();

function extend(line: Line, members: readonly Member[], from: number, seats: number): Indexed {
  let count = seats;
  for (let index = from; index < members.length; index++) {
    const member = members[index]!;
    line.at.set(member.userId, { member, index });
    if (member.holdsSeat) count++;
  }
  return { line, seats: count };
}

/** Whether `members` starts with exactly the objects of `prefix`. */
function startsWith(members: readonly Member[], prefix: readonly Member[]): boolean {
  if (members.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (members[i] !== prefix[i]) return false;
  return true;
}

function indexOf(members: readonly Member[]): Indexed {
  const known = indexes.get(members);
  if (known) return known;
  const parent = parents.get(members);
  const base = parent && indexes.get(parent);
  const indexed =
    base && parent && startsWith(members, parent)
      ? extend(base.line, members, parent.length, base.seats)
      : extend({ at: new Map() }, members, 0, 0);
  indexes.set(members, indexed);
  parents.delete(members); // indexed now: it no longer keeps its parent alive
  return indexed;
}

/** `members` with `member` appended: the roster of a join, on the same index line. */
export function withMember(members: readonly Member[], member: Member): Member[] {
  const next = [...members, member];
  parents.set(next, members);
  return next;
}

/** The member with this user id, or undefined. */
export function memberIn(members: readonly Member[], userId: string): Member | undefined {
  const hit = indexOf(members).line.at.get(userId);
  if (hit === undefined) {
    // Every member of this roster was indexed on the line: a user never indexed is not on it.
    return undefined;
  }
  if (members[hit.index] === hit.member) return hit.member;
  return members.find((member) => member.userId === userId);
}

/** How many members hold a seat. */
export function seatHolders(members: readonly Member[]): number {
  return indexOf(members).seats;
}

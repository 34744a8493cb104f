import { z } from '@teamseat/config';
import { isAnonymousUserId, requireUserId } from '@teamseat/contracts';
import { invalidArgument } from '@teamseat/errors';

// Request checks at the edge. Each violation is INVALID_ARGUMENT naming the proto field. Values reach
// the database only as strings and numbers checked here, never as objects, so nothing a caller sends
// can turn into a query operator.

export const MAX_ID_LENGTH = 512;
export const MAX_SEAT_LIMIT = 100_000;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
export const MAX_INVITE_TTL_HOURS = 720;
export const MAX_ADMIN_CHOICE_GRACE_HOURS = 2_160;
export const DEFAULT_ADMIN_CHOICE_GRACE_HOURS = 72;
export const MAX_ROSTER_RETENTION_DAYS = 3_660;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const emailSchema = z.string().email().max(254);

/** A required id: non-empty, at most 512 characters, no control characters. */
export function requireId(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw invalidArgument(field, 'must not be empty');
  if (value.length > MAX_ID_LENGTH)
    throw invalidArgument(field, `must be at most ${MAX_ID_LENGTH} characters`);
  if (CONTROL.test(value)) throw invalidArgument(field, 'must not contain control characters');
  if (value.trim().length === 0) throw invalidArgument(field, 'must not be blank');
  return value;
}

/** An optional id: empty means absent. */
export function optionalId(field: string, value: unknown): string | undefined {
  return value === '' || value === undefined || value === null ? undefined : requireId(field, value);
}

/** User ids follow the one rule of every service (packages/contracts/src/user-id.ts, ADR 0015). */
export { requireUserId };

/**
 * A user id that will own, join or manage a team: an anonymous RevenueCat id is refused with reason
 * ANONYMOUS_USER_ID, since teams are for identified users only (ADR 0030).
 */
export function requireIdentifiedUserId(field: string, value: unknown): string {
  const userId = requireUserId(field, value);
  if (isAnonymousUserId(userId)) {
    const problem =
      'is an anonymous RevenueCat id ($RCAnonymousID:...); teams need an identified app user id (log the user in first)';
    throw invalidArgument(field, problem, 'ANONYMOUS_USER_ID');
  }
  return userId;
}

/** An optional user id: empty means absent. */
export function optionalUserId(field: string, value: unknown): string | undefined {
  return value === '' || value === undefined || value === null ? undefined : requireUserId(field, value);
}

/** Lower-cased and trimmed, then checked. */
export function requireEmail(field: string, value: unknown): string {
  const email = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (email.length === 0) throw invalidArgument(field, 'must not be empty', 'INVALID_EMAIL');
  if (!emailSchema.safeParse(email).success) {
    throw invalidArgument(field, 'must be a valid email address', 'INVALID_EMAIL');
  }
  return email;
}

export function requireInteger(field: string, value: unknown, min: number, max: number): number {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number))
    throw invalidArgument(field, 'must be an integer');
  if (number < min || number > max) throw invalidArgument(field, `must be between ${min} and ${max}`);
  return number;
}

/** Default 50; above 500 is clamped (the proto says so); negative is refused. */
export function pageSizeOf(field: string, value: unknown): number {
  const size = requireInteger(field, value ?? 0, 0, Number.MAX_SAFE_INTEGER);
  return size === 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
}

/** 0 means the default. */
export function ttlHoursOf(field: string, value: unknown, defaultHours: number): number {
  const hours = requireInteger(field, value ?? 0, 0, MAX_INVITE_TTL_HOURS);
  return hours === 0 ? defaultHours : hours;
}

/** Maps a proto enum value name; UNSPECIFIED and unknown values are refused. */
export function requireEnum<T extends string>(field: string, value: unknown, mapping: Record<string, T>): T {
  const mapped = typeof value === 'string' ? mapping[value] : undefined;
  if (mapped === undefined) {
    throw invalidArgument(field, `must be one of ${Object.keys(mapping).join(', ')}`);
  }
  return mapped;
}

/** A repeated enum filter: every entry must be known; empty means "all". */
export function enumList<T extends string>(field: string, values: unknown, mapping: Record<string, T>): T[] {
  if (!Array.isArray(values)) return [];
  return values.map((value) => requireEnum(field, value, mapping));
}

export interface TimestampLike {
  seconds?: string | number | { toString(): string } | null;
  nanos?: number | null;
}

/** google.protobuf.Timestamp → Date; absent → null. */
export function timestampOf(field: string, value: TimestampLike | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const seconds = Number(value.seconds ?? 0);
  const nanos = Number(value.nanos ?? 0);
  const ms = seconds * 1000 + Math.floor(nanos / 1e6);
  if (!Number.isFinite(ms) || nanos < 0 || nanos >= 1e9)
    throw invalidArgument(field, 'is not a valid timestamp');
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) throw invalidArgument(field, 'is not a valid timestamp');
  return date;
}

export function toTimestamp(date: Date | null): { seconds: string; nanos: number } | null {
  if (date === null) return null;
  const ms = date.getTime();
  const seconds = Math.floor(ms / 1000);
  return { seconds: String(seconds), nanos: (ms - seconds * 1000) * 1e6 };
}

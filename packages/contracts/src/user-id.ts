import { invalidArgument } from '@teamseat/errors';
import { z } from 'zod';

// What a valid user id (a RevenueCat app_user_id) is, for every service that checks one (ADR 0015). Any id
// RevenueCat takes must pass, anonymous `$RCAnonymousID:…` ids included; RevenueCat URL-encodes ids, so
// no character is special to it. Refused are only ids that are surely a caller's bug.

/** RevenueCat's limit on a customer id (openapi-v2.yaml, `customer_id`: 1 to 1500 characters). */
export const MAX_USER_ID_LENGTH = 1500;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BLANK = /^\s+$/;

/** Characters as RevenueCat (JSON Schema) counts them: code points, so an emoji is one. */
function codePointCount(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

/** What is wrong with a user id, or undefined when it is valid. */
export function userIdProblem(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return 'must not be empty';
  if (typeof value !== 'string') return 'must be a string';
  if (value.length > MAX_USER_ID_LENGTH && codePointCount(value) > MAX_USER_ID_LENGTH)
    return `must be at most ${MAX_USER_ID_LENGTH} characters`;
  if (CONTROL.test(value)) return 'must not contain control characters';
  // A lone surrogate has no UTF-8 form: the id could not be sent to RevenueCat or stored as sent.
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text';
  if (BLANK.test(value)) return 'must not be blank';
  return undefined;
}

/** The user id, or AppError INVALID_ARGUMENT naming the field and the problem ("user_id: must not be empty"). */
export function requireUserId(field: string, value: unknown): string {
  const problem = userIdProblem(value);
  if (problem !== undefined || typeof value !== 'string') throw invalidArgument(field, problem ?? 'invalid');
  return value;
}

/** The prefix RevenueCat's SDKs give the ids they make up for a user who has not logged in. */
export const ANONYMOUS_USER_ID_PREFIX = '$RCAnonymousID:';

/**
 * Whether an id is one RevenueCat's SDKs made up (`$RCAnonymousID:` + 32 hex digits): valid everywhere, but
 * teams are for identified users only, so such an id may not own, join or manage a team (ADR 0030).
 */
export function isAnonymousUserId(userId: string): boolean {
  return userId.startsWith(ANONYMOUS_USER_ID_PREFIX);
}

/** The same rule for zod schemas. */
export const userIdSchema = z.string().superRefine((value, ctx) => {
  const problem = userIdProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

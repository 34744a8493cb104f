import { createHash } from 'node:crypto';
import { AppError } from '@teamseat/errors';

// Opaque page tokens: base64url JSON of the cursor plus a hash of what the listing was bound to (the
// team or user and the filter), so a token reused with another filter fails instead of skipping rows.

const MAX_TOKEN_LENGTH = 2_048;

function bindingOf(binding: unknown): string {
  return createHash('sha256').update(JSON.stringify(binding)).digest('base64url').slice(0, 16);
}

export function encodePageToken(binding: unknown, cursor: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify({ b: bindingOf(binding), c: cursor })).toString('base64url');
}

function invalid(problem: string): AppError {
  return new AppError('INVALID_ARGUMENT', `page_token: ${problem}`, {
    reason: 'INVALID_PAGE_TOKEN',
    details: { field: 'page_token' },
  });
}

/**
 * The cursor of a token, or null for the first page. `shape` lists the cursor's fields and their types;
 * anything else in the token is refused.
 */
export function decodePageToken<Cursor extends Record<string, string | number>>(
  token: string,
  binding: unknown,
  shape: { [K in keyof Cursor]: 'string' | 'number' },
): Cursor | null {
  if (token === '') return null;
  if (token.length > MAX_TOKEN_LENGTH) throw invalid('is too long');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid('is not a token this service issued');
  }
  const { b, c } = (parsed ?? {}) as { b?: unknown; c?: unknown };
  if (typeof b !== 'string' || typeof c !== 'object' || c === null)
    throw invalid('is not a token this service issued');
  if (b !== bindingOf(binding)) throw invalid('belongs to another listing or filter');
  const cursor = c as Record<string, unknown>;
  for (const [field, type] of Object.entries(shape)) {
    if (typeof cursor[field] !== type) throw invalid('is not a token this service issued');
  }
  return cursor as Cursor;
}

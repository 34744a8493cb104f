import { createHash, timingSafeEqual } from 'node:crypto';

// An invite token names its team and invite, so AcceptInvite finds the one document by _id (the only
// lookup FerretDB serves from an index), and carries a secret of which only a hash is stored.
// Format: `<teamId>.<inviteId>.<secret>`, each part base64url-safe.

const PART = /^[A-Za-z0-9_-]{1,128}$/;

export interface ParsedInviteToken {
  teamId: string;
  inviteId: string;
  secret: string;
}

export function formatInviteToken({ teamId, inviteId, secret }: ParsedInviteToken): string {
  return `${teamId}.${inviteId}.${secret}`;
}

/** null when the string cannot be a token (the caller answers INVALID_ARGUMENT). */
export function parseInviteToken(token: string): ParsedInviteToken | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => PART.test(part))) return null;
  const [teamId, inviteId, secret] = parts as [string, string, string];
  return { teamId, inviteId, secret };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time comparison, so response timing says nothing about how close a guess was. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

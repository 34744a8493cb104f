import { hash, timingSafeEqual } from 'node:crypto';

export type AuthorizationOutcome = 'accepted' | 'missing' | 'mismatch';

export type VerifyAuthorization = (header: string | undefined) => AuthorizationOutcome;

function digest(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}

/**
 * Checks the `Authorization` header against the configured values (the current one and, during a rotation,
 * the previous one). RevenueCat sends a static value with no signature (REVENUECAT.md), so this comparison is
 * the whole authentication: it hashes both sides to equal-length digests and compares every accepted value
 * with `timingSafeEqual`, without stopping at the first match, so timing reveals neither length nor prefix.
 */
export function createAuthorizationVerifier({ accepted }: { accepted: string[] }): VerifyAuthorization {
  const expected = accepted.filter((value) => value.length > 0).map(digest);
  if (expected.length === 0) throw new Error('at least one accepted authorization value is required');

  return function verifyAuthorization(header) {
    if (header === undefined || header.length === 0) return 'missing';
    const actual = digest(header);
    let matched = false;
    for (const candidate of expected) matched = timingSafeEqual(candidate, actual) || matched;
    return matched ? 'accepted' : 'mismatch';
  };
}

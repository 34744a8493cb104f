/**
 * Faults aimed at one app user id: every REST call concerning that user fails until the fault is cleared
 * or runs out, while every other user is served. It makes one customer's record "broken" for a client
 * that must keep the others flowing (a poison message must not block its partition).
 */
export const USER_FAULT_STATUSES = [429, 500, 503] as const;
export type UserFaultStatus = (typeof USER_FAULT_STATUSES)[number];

export interface UserFault {
  status: UserFaultStatus;
  /** Wall time (ms) when the fault ends by itself; null: until cleared. */
  untilMs: number | null;
  /** `Retry-After` of a 429 or 503, in seconds. */
  retryAfterSeconds: number;
}

export type UserFaults = Readonly<Record<string, UserFault>>;

/** The fault that applies to `appUserId` at `nowMs`, if any. */
export function activeUserFault(faults: UserFaults, appUserId: string | undefined, nowMs: number) {
  if (appUserId === undefined || !Object.hasOwn(faults, appUserId)) return undefined;
  const fault = faults[appUserId]!;
  return fault.untilMs === null || nowMs < fault.untilMs ? fault : undefined;
}

/** The faults without the ones that ran out: targeting many users over a long run stays bounded. */
export function withoutExpired(faults: UserFaults, nowMs: number): Record<string, UserFault> {
  return Object.fromEntries(
    Object.entries(faults).filter(([, fault]) => fault.untilMs === null || nowMs < fault.untilMs),
  );
}

/**
 * The app user id a REST path concerns: `/v1/subscribers/{id}/…` or `/v2/projects/{p}/customers/{id}/…`,
 * URL-decoded as the routes decode it. Undefined for paths about no user, or undecodable ones.
 */
export function userOfPath(path: string): string | undefined {
  const match = /^\/v1\/subscribers\/([^/]+)|^\/v2\/projects\/[^/]+\/customers\/([^/]+)/.exec(path);
  const raw = match?.[1] ?? match?.[2];
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

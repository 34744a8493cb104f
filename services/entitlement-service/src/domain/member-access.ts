import type { Expiry } from './expiry';
import type { GrantRecord } from './grant-record';
import type { TeamTerms } from './team-terms';

/** A member's access as an app shows it ("your seat is ready"), ADR 0037. */
export type MemberAccessState = 'pending' | 'active' | 'failed' | 'not-a-member';

export interface EntitlementAccessState {
  entitlement: string;
  state: Exclude<MemberAccessState, 'not-a-member'>;
  /** active: when the access ends. */
  expires: Expiry | undefined;
  /** active: who gave it. */
  source: 'team-grant' | 'promotional-other' | 'store' | undefined;
  /** failed: the last error; pending: what it waits for. */
  reason: string | undefined;
  attempts: number;
  willRetry: boolean;
  nextAttemptAtMs: number | undefined;
}

export interface MemberAccess {
  state: MemberAccessState;
  reason: string | undefined;
  /** The team version team-service answered as of. */
  teamVersion: number;
  /** The newest team version applied for the member (0: none). */
  appliedTeamVersion: number;
  entitlements: EntitlementAccessState[];
}

export interface MemberAccessInput {
  /** What team-service says a seat in the team gives the user now (GetMemberGrant). */
  current: TeamTerms;
  /** The terms for the team entitlement-service stored from the newest fact it applied. */
  applied: TeamTerms | undefined;
  /** The version the caller knows the member at (AddMember's answer); 0 when none. */
  minTeamVersion: number;
  /** The user's ledger rows. */
  grants: readonly GrantRecord[];
  /** Per entitlement, the end of the user's active store purchase, from the stored snapshot. */
  storeUntil: (entitlement: string) => Expiry | undefined;
  /** RevenueCat time. */
  nowMs: number;
}

const activeExpiry = (expiry: Expiry | undefined, nowMs: number) =>
  expiry !== undefined && expiry > nowMs ? expiry : undefined;

/**
 * The member's state (pure): not a member when team-service gives no seat; pending until the team version
 * is applied and the grant made; failed while a grant fails (a retriable failure is retried, a rejection
 * waits for the sweep); active once every member entitlement is live, whoever gave it.
 */
export function memberAccessOf(input: MemberAccessInput): MemberAccess {
  const { current, applied, minTeamVersion } = input;
  const appliedTeamVersion = applied?.teamVersion ?? 0;
  const base = { teamVersion: current.teamVersion, appliedTeamVersion };
  if (current.grant.kind === 'none')
    return { ...base, state: 'not-a-member', reason: undefined, entitlements: [] };
  if (!applied || applied.grant.kind === 'none' || applied.teamVersion < minTeamVersion) {
    const wanted = Math.max(minTeamVersion, current.teamVersion);
    const reason = `team version ${wanted} not applied yet (applied: ${appliedTeamVersion})`;
    return { ...base, state: 'pending', reason, entitlements: [] };
  }
  const entitlements = [...applied.entitlements]
    .sort()
    .map((entitlement) => entitlementState(entitlement, input));
  const failing = entitlements.find((e) => e.state === 'failed');
  const pending = entitlements.find((e) => e.state === 'pending');
  const worst = failing ?? pending;
  return { ...base, state: worst?.state ?? 'active', reason: worst?.reason, entitlements };
}

function entitlementState(entitlement: string, input: MemberAccessInput): EntitlementAccessState {
  const { nowMs } = input;
  const row = input.grants.find((g) => g.entitlement === entitlement);
  const none = { attempts: 0, willRetry: false, nextAttemptAtMs: undefined, reason: undefined };
  const confirmed = row?.state === 'in-sync' ? activeExpiry(row.confirmed, nowMs) : undefined;
  if (row && confirmed !== undefined) {
    const others = activeExpiry(row.others, nowMs);
    const source = others !== undefined && others >= confirmed ? 'promotional-other' : 'team-grant';
    return { ...none, entitlement, state: 'active', expires: confirmed, source };
  }
  const store = activeExpiry(input.storeUntil(entitlement), nowMs);
  if (store !== undefined) return { ...none, entitlement, state: 'active', expires: store, source: 'store' };
  const attempts = row?.attempts ?? 0;
  if (row && (row.state === 'failed' || (attempts > 0 && row.lastError !== undefined))) {
    return {
      entitlement,
      state: 'failed',
      expires: undefined,
      source: undefined,
      reason: row.lastError ?? 'grant failed',
      attempts,
      // The retry queue (and the sweep) tries again every troubled row that has a next attempt.
      willRetry: row.nextAttemptAtMs !== undefined,
      nextAttemptAtMs: row.nextAttemptAtMs,
    };
  }
  const reason = row ? 'grant not confirmed by RevenueCat yet' : 'grant not made yet';
  return { ...none, entitlement, state: 'pending', expires: undefined, source: undefined, reason };
}

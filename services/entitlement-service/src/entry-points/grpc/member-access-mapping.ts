import type { GetMemberAccessResponse, MemberEntitlementAccess } from '@teamseat/grpc';
import type { EntitlementAccessState, MemberAccess, MemberAccessState } from '../../domain/member-access';
import { expiry, timestamp } from './proto-mapping';

const STATE = {
  pending: 'MEMBER_ACCESS_STATE_PENDING',
  active: 'MEMBER_ACCESS_STATE_ACTIVE',
  failed: 'MEMBER_ACCESS_STATE_FAILED',
  'not-a-member': 'MEMBER_ACCESS_STATE_NOT_A_MEMBER',
} as const satisfies Record<MemberAccessState, string>;

const SOURCE = {
  'team-grant': 'SOURCE_KIND_TEAM_GRANT',
  'promotional-other': 'SOURCE_KIND_PROMOTIONAL_OTHER',
  store: 'SOURCE_KIND_STORE',
} as const;

function entitlementAccess(e: EntitlementAccessState): MemberEntitlementAccess {
  return {
    entitlement: e.entitlement,
    state: STATE[e.state],
    expires: expiry(e.expires),
    source: e.source ? SOURCE[e.source] : 'SOURCE_KIND_NONE',
    reason: e.reason ?? '',
    attempts: e.attempts,
    willRetry: e.willRetry,
    nextAttemptAt: timestamp(e.nextAttemptAtMs),
  };
}

/** GetMemberAccess's answer. */
export function memberAccess(access: MemberAccess, checkedAtMs: number): GetMemberAccessResponse {
  return {
    state: STATE[access.state],
    reason: access.reason ?? '',
    teamVersion: access.teamVersion,
    appliedTeamVersion: access.appliedTeamVersion,
    entitlements: access.entitlements.map(entitlementAccess),
    checkedAt: timestamp(checkedAtMs),
  };
}

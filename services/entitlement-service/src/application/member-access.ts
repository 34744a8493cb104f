import { AppError } from '@teamseat/errors';
import { entitlementAccess } from '../domain/access';
import { memberAccessOf, type MemberAccess } from '../domain/member-access';
import type { CustomerRepository, TeamDirectory } from './ports';

/**
 * GetMemberAccess (entitlement_service.proto, ADR 0037): whether one member's seat is ready. One point read
 * of team-service (GetMemberGrant, what the seat gives now) and one read of the user's record (the terms
 * applied and the ledger); no roster, no RevenueCat call. team-service still never calls this service.
 */
export function createMemberAccessQuery(deps: {
  teams: TeamDirectory;
  customers: CustomerRepository;
  /** RevenueCat time (expiries are judged on it). */
  now: () => number;
}) {
  const { teams, customers } = deps;

  return {
    async memberAccess(teamId: string, userId: string, minTeamVersion: number): Promise<MemberAccess> {
      const current = await teams.memberGrant(teamId, userId, minTeamVersion || undefined);
      if (!current)
        throw new AppError('NOT_FOUND', `team_id: no team ${teamId}`, {
          reason: 'TEAM_NOT_FOUND',
          details: { field: 'team_id' },
        });
      const customer = await customers.get(userId);
      const nowMs = deps.now();
      return memberAccessOf({
        current,
        applied: customer?.teamTerms.find((t) => t.teamId === teamId),
        minTeamVersion,
        grants: customer?.grants ?? [],
        storeUntil: (entitlement) =>
          customer?.snapshot
            ? entitlementAccess(customer.snapshot, entitlement, new Map(), nowMs).sources.find(
                (s) => s.kind === 'store',
              )?.expiresAt
            : undefined,
        nowMs,
      });
    },
  };
}

export type MemberAccessQuery = ReturnType<typeof createMemberAccessQuery>;

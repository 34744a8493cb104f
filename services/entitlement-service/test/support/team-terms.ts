import type { TeamTerms } from '../../src/domain/team-terms';

/**
 * Grant terms as team-service's facts give them, for reconciler tests: each call is a newer version of the
 * team's terms (facts arrive in version order per team unless a test says otherwise).
 */
export function createTermsFactory() {
  const versions = new Map<string, number>();
  const next = (teamId: string, version?: number) => {
    const teamVersion = version ?? (versions.get(teamId) ?? 0) + 1;
    versions.set(teamId, Math.max(teamVersion, versions.get(teamId) ?? 0));
    return teamVersion;
  };
  const base = (teamId: string, entitlements: string[], version?: number) => ({
    teamId,
    teamVersion: next(teamId, version),
    productId: 'team_pro_monthly',
    entitlements,
  });
  return {
    until(teamId: string, untilMs: number, { entitlements = ['pro'], version }: Options = {}): TeamTerms {
      return { ...base(teamId, entitlements, version), grant: { kind: 'until', untilMs } };
    },
    lifetime(teamId: string, { entitlements = ['pro'], version }: Options = {}): TeamTerms {
      return { ...base(teamId, entitlements, version), grant: { kind: 'lifetime' } };
    },
    none(teamId: string, { entitlements = ['pro'], version }: Options = {}): TeamTerms {
      return { ...base(teamId, entitlements, version), grant: { kind: 'none' } };
    },
  };
}

interface Options {
  entitlements?: string[];
  /** A given version instead of the next one (to play a stale or repeated fact). */
  version?: number;
}

import { Counter, type Registry } from '@teamseat/metrics';

export interface TeamServiceMetrics {
  /** team-service refused our token (TEAM_SERVICE_TOKEN): work on it waits until the token is accepted. */
  unauthenticated(method: string): void;
}

export function createTeamServiceMetrics(registry: Registry): TeamServiceMetrics {
  const refused = new Counter({
    name: 'entitlement_team_service_unauthenticated_total',
    help: 'team-service calls refused as UNAUTHENTICATED (our token is wrong, e.g. mid-rotation), by method',
    labelNames: ['method'],
    registers: [registry],
  });
  return { unauthenticated: (method) => refused.inc({ method }) };
}

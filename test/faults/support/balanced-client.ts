import { credentials } from '@grpc/grpc-js';
import {
  bearerInterceptor,
  loadEmbeddedDescriptors,
  loadTeamseatProtos,
  type TeamServiceClient,
} from '@teamseat/grpc';
import { APP_TOKEN } from './grpc-clients';

const loaded = loadTeamseatProtos(loadEmbeddedDescriptors());

/**
 * An app backend's client spreading its calls over every team-service replica (grpc-js round_robin), as a
 * client-side load balancer does: a replica that goes away leaves the rotation (its in-flight calls fail
 * UNAVAILABLE) and comes back once it answers again, retried every second or two.
 */
export function balancedTeamClient(addresses: string[]): TeamServiceClient {
  const Ctor = loaded.teamseat.team.v1.TeamService as unknown as new (
    ...args: unknown[]
  ) => TeamServiceClient;
  return new Ctor(`ipv4:${addresses.join(',')}`, credentials.createInsecure(), {
    interceptors: [bearerInterceptor(APP_TOKEN)],
    'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
    'grpc.initial_reconnect_backoff_ms': 500,
    'grpc.max_reconnect_backoff_ms': 2_000,
  });
}

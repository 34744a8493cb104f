import {
  createClient,
  loadEmbeddedDescriptors,
  loadTeamseatProtos,
  type EntitlementServiceClient,
  type Team__Output,
  type TeamServiceClient,
} from '@teamseat/grpc';

const loaded = loadTeamseatProtos(loadEmbeddedDescriptors());

export const TOKEN = 'faults-internal-token';
export const APP_TOKEN = 'faults-app-token';
export const UNAVAILABLE = 14;

export interface Clients {
  ent: EntitlementServiceClient;
  /** team-service with an app backend token (acts for end users). */
  teams: TeamServiceClient;
  close(): void;
}

export function grpcClients(entAddress: string, teamAddress: string): Clients {
  const ent = createClient(loaded.teamseat.entitlement.v1.EntitlementService as never, {
    address: entAddress,
    token: TOKEN,
  }) as EntitlementServiceClient;
  const teams = createClient(loaded.teamseat.team.v1.TeamService as never, {
    address: teamAddress,
    token: APP_TOKEN,
  }) as TeamServiceClient;
  return { ent, teams, close: () => (ent.close(), teams.close()) };
}

/** One unary call with a 10 s deadline (a patient app backend): a call never waits for ever on a service that is down. */
export function call<Res>(
  client: object,
  method: string,
  request: object,
  deadlineMs = 10_000,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const fn = (client as Record<string, (...args: unknown[]) => void>)[method]!;
    fn.call(client, request, { deadline: Date.now() + deadlineMs }, (error: Error | null, response: Res) =>
      error ? reject(error) : resolve(response),
    );
  });
}

export const codeOf = (error: unknown) => (error as { code?: number }).code;

export interface Access {
  active: boolean;
}

export const checkAccess = (clients: Clients, userId: string, entitlement = 'pro') =>
  call<Access>(clients.ent, 'CheckAccess', { userId, entitlement });

export async function teamOf(clients: Clients, owner: string): Promise<Team__Output | undefined> {
  try {
    const key = { subscriberUserId: owner, managementEntitlement: 'team_admin' };
    return (await call<{ team: Team__Output }>(clients.teams, 'GetTeam', { key })).team;
  } catch (error) {
    if (codeOf(error) === 5) return undefined;
    throw error;
  }
}

export const addMember = (clients: Clients, teamId: string, owner: string, userId: string) =>
  call<{ team: Team__Output }>(clients.teams, 'AddMember', { teamId, userId, actorUserId: owner });

import { loadEmbeddedDescriptors, loadTeamseatProtos } from '@teamseat/grpc';

/** The teamseat protos as the tests' clients and hand-built servers use them. */
export const packageDefinition: ReturnType<typeof loadEmbeddedDescriptors> = loadEmbeddedDescriptors();

const loaded = loadTeamseatProtos(packageDefinition);

export const TeamServiceClient = loaded.teamseat.team.v1.TeamService;
export const EntitlementServiceClient = loaded.teamseat.entitlement.v1.EntitlementService;

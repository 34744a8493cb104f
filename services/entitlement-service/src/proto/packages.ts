import { loadEmbeddedDescriptors, loadTeamseatProtos } from '@teamseat/grpc';

/** The package definition of every teamseat proto, from the descriptors compiled into @teamseat/grpc. */
export const packageDefinition: ReturnType<typeof loadEmbeddedDescriptors> = loadEmbeddedDescriptors();

const loaded = loadTeamseatProtos(packageDefinition);

export const TeamServiceClient = loaded.teamseat.team.v1.TeamService;
export const EntitlementServiceClient = loaded.teamseat.entitlement.v1.EntitlementService;

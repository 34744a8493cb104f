import { loadPackageDefinition } from '@grpc/grpc-js';
import { loadEmbeddedDescriptors } from '@teamseat/grpc';
import type { ProtoGrpcType as EntitlementProto } from '@teamseat/grpc/dist/generated/entitlement_service';
import type { ProtoGrpcType as TeamProto } from '@teamseat/grpc/dist/generated/team_service';

/** The package definition of every teamseat proto, from the descriptors compiled into @teamseat/grpc. */
export const packageDefinition: ReturnType<typeof loadEmbeddedDescriptors> = loadEmbeddedDescriptors();

const loaded = loadPackageDefinition(packageDefinition) as unknown as TeamProto & EntitlementProto;

export const TeamServiceClient = loaded.teamseat.team.v1.TeamService;
export const EntitlementServiceClient = loaded.teamseat.entitlement.v1.EntitlementService;

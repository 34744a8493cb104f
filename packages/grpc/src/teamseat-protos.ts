import { loadPackageDefinition, type GrpcObject } from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import type { ProtoGrpcType as EntitlementProtoGrpcType } from './generated/entitlement_service';
import type { ProtoGrpcType as TeamProtoGrpcType } from './generated/team_service';
import { loadEmbeddedDescriptors } from './proto-options';

/** Both teamseat services as the generated types describe them: typed client constructors and definitions. */
export type TeamseatProtoGrpcType = TeamProtoGrpcType & EntitlementProtoGrpcType;

const SERVICE_PATHS = ['teamseat.team.v1.TeamService', 'teamseat.entitlement.v1.EntitlementService'];

function lookup(root: GrpcObject, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    node = typeof node === 'object' && node !== null && key in node ? Reflect.get(node, key) : undefined;
  }
  return node;
}

/** A checked narrowing, not a cast: the generated types hold only if both services were loaded. */
function holdsTeamseatServices(root: GrpcObject): root is GrpcObject & TeamseatProtoGrpcType {
  return SERVICE_PATHS.every((path) => typeof lookup(root, path) === 'function');
}

/**
 * Loads the teamseat protos (by default from the descriptors compiled into this package) with the generated
 * types, so servers get `TeamService.service` and clients `new TeamService(...)` as typed clients.
 */
export function loadTeamseatProtos(
  definition: PackageDefinition = loadEmbeddedDescriptors(),
): TeamseatProtoGrpcType {
  const root = loadPackageDefinition(definition);
  if (!holdsTeamseatServices(root)) {
    throw new Error(`the package definition lacks a teamseat service (${SERVICE_PATHS.join(', ')})`);
  }
  return root;
}

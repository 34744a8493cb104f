import path from 'node:path';
import * as protoLoader from '@grpc/proto-loader';
import { DESCRIPTOR_SET_BASE64, PROTO_FILES } from './generated/descriptor-set';

export { PROTO_FILES };

/**
 * The one set of proto-loader options of teamseat. The generated types in ./generated assume exactly
 * these (scripts/gen-proto.mjs passes the matching gen-types flags): camelCase fields, 64-bit integers
 * as strings, enums as their value names, defaults filled in, and a virtual field naming the set oneof.
 */
export const PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
} satisfies protoLoader.Options;

/** Absolute path of the repository's proto/ directory; the same from src (tsx) and from dist. */
export const PROTO_ROOT = path.resolve(__dirname, '../../../proto');

/** Parses the .proto files under PROTO_ROOT (needs the proto directory at run time). */
export function loadProtoFiles(): protoLoader.PackageDefinition {
  return protoLoader.loadSync([...PROTO_FILES], { ...PROTO_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
}

/**
 * Builds the same package definition from the descriptor set compiled into this package, so a
 * deployed service needs no proto directory. Both feed @grpc/reflection.
 */
export function loadEmbeddedDescriptors(): protoLoader.PackageDefinition {
  return protoLoader.loadFileDescriptorSetFromBuffer(
    Buffer.from(DESCRIPTOR_SET_BASE64, 'base64'),
    PROTO_LOADER_OPTIONS,
  );
}

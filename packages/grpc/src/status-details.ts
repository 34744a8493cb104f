import { Metadata, status } from '@grpc/grpc-js';
import { Writer } from 'protobufjs/minimal';
import { AppError, UNCLASSIFIED, isAppError, type ErrorCode } from '@teamseat/errors';

export const ERROR_DOMAIN = 'teamseat.dev';
/** Plain-text copy of the reason for clients that do not decode google.rpc.Status. */
export const REASON_METADATA_KEY = 'error-reason';

export const GRPC_STATUS_BY_CODE: Record<ErrorCode, status> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  PERMISSION_DENIED: status.PERMISSION_DENIED,
  NOT_FOUND: status.NOT_FOUND,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  FAILED_PRECONDITION: status.FAILED_PRECONDITION,
  RESOURCE_EXHAUSTED: status.RESOURCE_EXHAUSTED,
  UNAVAILABLE: status.UNAVAILABLE,
  DEADLINE_EXCEEDED: status.DEADLINE_EXCEEDED,
  INTERNAL: status.INTERNAL,
};

/**
 * Encodes google.rpc.Status carrying one google.rpc.ErrorInfo, the standard rich error model, into
 * the `grpc-status-details-bin` trailer, so every error has a machine-readable reason.
 */
function encodeStatusDetails(
  code: number,
  message: string,
  reason: string,
  fields: Record<string, string>,
): Buffer {
  const info = Writer.create().uint32(10).string(reason).uint32(18).string(ERROR_DOMAIN);
  for (const [key, value] of Object.entries(fields)) {
    info.uint32(26).fork().uint32(10).string(key).uint32(18).string(value).ldelim();
  }
  const any = Writer.create()
    .uint32(10)
    .string('type.googleapis.com/google.rpc.ErrorInfo')
    .uint32(18)
    .bytes(info.finish());
  const statusMessage = Writer.create()
    .uint32(8)
    .int32(code)
    .uint32(18)
    .string(message)
    .uint32(26)
    .bytes(any.finish());
  return Buffer.from(statusMessage.finish());
}

export interface GrpcServiceError {
  code: status;
  details: string;
  metadata: Metadata;
}

export function toGrpcError(error: AppError): GrpcServiceError {
  const code = GRPC_STATUS_BY_CODE[error.code];
  const fields = Object.fromEntries(
    Object.entries(error.details).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
  const metadata = new Metadata();
  metadata.set(REASON_METADATA_KEY, error.reason);
  metadata.set('grpc-status-details-bin', encodeStatusDetails(code, error.message, error.reason, fields));
  return { code, details: error.message, metadata };
}

/** All a caller learns of an error that is not an AppError: it is a bug, logged in full on the server (STYLE §4). */
export const INTERNAL_ERROR_MESSAGE = 'internal error';

/** The original behind each generic INTERNAL answer, by the trailer sent with it, for the server's call log. */
const unexpectedByTrailer = new WeakMap<Metadata, { error: unknown }>();

/**
 * Maps anything a handler threw, once: a classified AppError keeps its code, message and reason; anything else answers
 * INTERNAL "internal error", and the original (message, stack) stays on the server, where the interceptor
 * that logs every call finds it by the trailer (unexpectedErrorOf) and logs it.
 */
export function grpcErrorOf(thrown: unknown): GrpcServiceError {
  // toAppError's wrapping of an unknown error (reason UNCLASSIFIED) carries the raw message: still unknown.
  if (isAppError(thrown) && thrown.reason !== UNCLASSIFIED) return toGrpcError(thrown);
  const original = isAppError(thrown) && thrown.cause !== undefined ? thrown.cause : thrown;
  const error = toGrpcError(new AppError('INTERNAL', INTERNAL_ERROR_MESSAGE, { cause: original }));
  unexpectedByTrailer.set(error.metadata, { error: original });
  return error;
}

/** The unexpected error a status' trailer was made for by grpcErrorOf, if any. */
export function unexpectedErrorOf(trailer: Metadata | null | undefined): { error: unknown } | undefined {
  return trailer ? unexpectedByTrailer.get(trailer) : undefined;
}

/** Reads the reason back on the client side (from the plain metadata copy). */
export function reasonOf(error: { metadata?: Metadata }): string | undefined {
  const value = error.metadata?.get(REASON_METADATA_KEY)[0];
  return value === undefined ? undefined : value.toString();
}

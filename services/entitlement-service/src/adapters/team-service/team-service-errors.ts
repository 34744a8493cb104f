import { status, type ServiceError } from '@grpc/grpc-js';
import { AppError, type ErrorCode } from '@teamseat/errors';
import { TEAM_SERVICE_UNAVAILABLE } from '../../application/ports';

/** team-service refused our token: a configuration fault during a rotation, never the message's (ADR 0020). */
export const TEAM_SERVICE_UNAUTHENTICATED = 'TEAM_SERVICE_UNAUTHENTICATED';

/** team-service's answers about the request itself: retrying the same request cannot change them. */
const ANSWERS: Partial<Record<number, ErrorCode>> = {
  [status.NOT_FOUND]: 'NOT_FOUND',
  [status.INVALID_ARGUMENT]: 'INVALID_ARGUMENT',
  [status.PERMISSION_DENIED]: 'PERMISSION_DENIED',
  [status.ALREADY_EXISTS]: 'ALREADY_EXISTS',
  [status.FAILED_PRECONDITION]: 'FAILED_PRECONDITION',
};

/**
 * Maps a failed call once, at the adapter's boundary: an answer about the request is a rejection to surface;
 * everything else (UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNAUTHENTICATED, codes
 * nobody expected) is team-service or the path to it failing, so it is UNAVAILABLE and retriable.
 */
export function teamServiceError(method: string, error: ServiceError): AppError {
  const message = `team-service ${method}: ${error.details || error.message}`;
  const answer = ANSWERS[error.code];
  if (answer) {
    const reason = error.metadata?.get('error-reason')[0]?.toString();
    return new AppError(answer, message, {
      reason: reason ?? answer,
      retriable: false,
      cause: error,
      details: { method },
    });
  }
  const reason =
    error.code === status.UNAUTHENTICATED ? TEAM_SERVICE_UNAUTHENTICATED : TEAM_SERVICE_UNAVAILABLE;
  return new AppError('UNAVAILABLE', message, {
    reason,
    retriable: true,
    cause: error,
    details: { method, grpcCode: status[error.code] ?? error.code },
  });
}

/** A call that ended without an error and without a response: the transport misbehaved, so try again. */
export function noResponseError(method: string): AppError {
  return new AppError('UNAVAILABLE', `team-service ${method}: no response`, {
    reason: TEAM_SERVICE_UNAVAILABLE,
    retriable: true,
    details: { method },
  });
}

/**
 * The one error type of teamseat. Each edge maps it once: HTTP to problem+json, gRPC to a status with a
 * machine-readable reason, Kafka to retry (retriable) or the dead-letter topic.
 */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'FAILED_PRECONDITION'
  | 'RESOURCE_EXHAUSTED'
  | 'UNAVAILABLE'
  | 'DEADLINE_EXCEEDED'
  | 'INTERNAL';

export interface AppErrorOptions {
  /** Stable machine-readable reason, e.g. SEAT_LIMIT_REACHED. Defaults to the code. */
  reason?: string;
  retriable?: boolean;
  cause?: unknown;
  details?: Record<string, unknown>;
}

const RETRIABLE_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set(['UNAVAILABLE', 'DEADLINE_EXCEEDED']);

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason: string;
  readonly retriable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.reason = options.reason ?? code;
    this.retriable = options.retriable ?? RETRIABLE_BY_DEFAULT.has(code);
    this.details = options.details ?? {};
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** An input that fails validation: names the field and the problem. */
export function invalidArgument(field: string, problem: string, reason = 'INVALID_ARGUMENT'): AppError {
  return new AppError('INVALID_ARGUMENT', `${field}: ${problem}`, { reason, details: { field } });
}

export function unavailable(message: string, cause?: unknown): AppError {
  return new AppError('UNAVAILABLE', message, { cause, retriable: true });
}

/** Reason of an error nobody classified (see toAppError). */
export const UNCLASSIFIED = 'UNCLASSIFIED';

/**
 * Wraps anything thrown into an AppError: the safe default (ADR 0020). An error nobody classified is most
 * often infrastructure trouble that passes (a database, a broker, another service), so it is INTERNAL but
 * retriable: a consumer retries it (bounded by parking) instead of dead-lettering a message that could
 * succeed. Adapters classify their library's errors at their boundary; this is only the fallback. The raw
 * message stays for logs: edges answer unknown errors with "internal error" only.
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', message, { reason: UNCLASSIFIED, retriable: true, cause: error });
}

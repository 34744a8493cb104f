import type { AppError, ErrorCode } from '@teamseat/errors';

/** HTTP-only outcomes that have no ErrorCode of their own; the error's `reason` carries them. */
export const HTTP_REASONS = {
  methodNotAllowed: 'METHOD_NOT_ALLOWED',
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
} as const;

const STATUS_BY_REASON: Record<string, number> = {
  [HTTP_REASONS.methodNotAllowed]: 405,
  [HTTP_REASONS.unsupportedMediaType]: 415,
  [HTTP_REASONS.payloadTooLarge]: 413,
};

// Unavailable and deadline both answer 503: RevenueCat retries any non-200, and 503 with Retry-After says
// "try again later" more plainly than 504 (REVENUECAT.md: success is 200 exactly).
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  FAILED_PRECONDITION: 409,
  RESOURCE_EXHAUSTED: 429,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 503,
  INTERNAL: 500,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  reason: string;
  field?: string;
}

export function statusOf(error: AppError): number {
  return STATUS_BY_REASON[error.reason] ?? STATUS_BY_CODE[error.code];
}

/** RFC 9457 problem details; internal errors keep their message out of the response. */
export function toProblemDetails(error: AppError): ProblemDetails {
  const status = statusOf(error);
  const problem: ProblemDetails = {
    type: `urn:teamseat:problem:${error.reason.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: error.code === 'INTERNAL' ? 'unexpected error; it has been logged' : error.message,
    code: error.code,
    reason: error.reason,
  };
  if (typeof error.details.field === 'string') problem.field = error.details.field;
  return problem;
}

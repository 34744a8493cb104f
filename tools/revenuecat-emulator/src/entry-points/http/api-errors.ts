import type { Context, Next } from 'koa';
import { AppError, toAppError, type ErrorCode } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';

/**
 * One error funnel per API family, so each answers in its documented shape: v1 `{code, message}`, v2
 * `{object:"error", type, message, retryable, doc_url, param?, backoff_ms?}`, the control API problem+json.
 */
export type ApiFamily = 'v1' | 'v2' | 'control';

export type V2ErrorType =
  | 'parameter_error'
  | 'resource_missing'
  | 'rate_limit_error'
  | 'authentication_error'
  | 'authorization_error'
  | 'server_error'
  | 'resource_locked_error'
  | 'invalid_request'
  | 'unprocessable_entity_error';

export interface ApiErrorSpec {
  status: number;
  message: string;
  v2Type?: V2ErrorType;
  param?: string;
  backoffMs?: number;
  headers?: Record<string, string>;
}

/** Numeric v1 codes. RevenueCat publishes few of them; these are the emulator's, stable and documented. */
export const V1_CODES: Record<number, number> = {
  400: 7113,
  401: 7225,
  403: 7243,
  404: 7259,
  423: 7638,
  429: 7638,
  500: 7110,
  503: 7111,
};

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  FAILED_PRECONDITION: 409,
  RESOURCE_EXHAUSTED: 429,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
  INTERNAL: 500,
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'FAILED_PRECONDITION',
  423: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  503: 'UNAVAILABLE',
};

const V2_TYPE_BY_STATUS: Record<number, V2ErrorType> = {
  400: 'parameter_error',
  401: 'authentication_error',
  403: 'authorization_error',
  404: 'resource_missing',
  422: 'unprocessable_entity_error',
  423: 'resource_locked_error',
  429: 'rate_limit_error',
};

export function apiError(spec: ApiErrorSpec): AppError {
  return new AppError(CODE_BY_STATUS[spec.status] ?? 'INTERNAL', spec.message, {
    retriable: spec.status === 423 || spec.status === 429 || spec.status >= 500,
    details: { api: spec },
  });
}

function specOf(error: AppError): ApiErrorSpec {
  const api = error.details.api as ApiErrorSpec | undefined;
  if (api) return api;
  const field = typeof error.details.field === 'string' ? error.details.field : undefined;
  return { status: STATUS_BY_CODE[error.code], message: error.message, ...(field ? { param: field } : {}) };
}

function body(family: ApiFamily, error: AppError, spec: ApiErrorSpec) {
  if (family === 'v1') return { code: V1_CODES[spec.status] ?? 7000 + spec.status, message: spec.message };
  if (family === 'control')
    return {
      type: `urn:teamseat:problem:${error.reason.toLowerCase().replaceAll('_', '-')}`,
      title: error.reason,
      status: spec.status,
      detail: spec.message,
      ...(spec.param ? { field: spec.param } : {}),
    };
  const type = spec.v2Type ?? V2_TYPE_BY_STATUS[spec.status] ?? 'server_error';
  const retryable = spec.status === 423 || spec.status === 429 || spec.status >= 500;
  return {
    object: 'error',
    type,
    message: spec.message,
    retryable,
    doc_url: `https://errors.rev.cat/${type.replace(/_/g, '-')}`,
    ...(spec.param ? { param: spec.param } : {}),
    ...(retryable ? { backoff_ms: spec.backoffMs ?? 1000 } : {}),
  };
}

export function errorFunnel(family: ApiFamily, logger: Logger) {
  return async function apiErrorFunnel(ctx: Context, next: Next) {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined)
        throw apiError({
          status: 404,
          message: `no route for ${ctx.method} ${ctx.path}`,
          v2Type: 'resource_missing',
        });
    } catch (err) {
      const httpStatus = (err as { status?: unknown }).status;
      const error =
        !(err instanceof AppError) && typeof httpStatus === 'number' && httpStatus >= 400 && httpStatus < 500
          ? apiError({
              status: httpStatus === 415 ? 400 : httpStatus,
              message: (err as Error).message,
              v2Type: 'invalid_request',
            })
          : toAppError(err);
      const spec = specOf(error);
      if (error.code === 'INTERNAL' && !error.details.api)
        logger.error({ err, path: ctx.path }, 'unexpected error in the emulator');
      ctx.status = spec.status;
      for (const [name, value] of Object.entries(spec.headers ?? {})) ctx.set(name, value);
      ctx.body = body(family, error, spec);
      if (family === 'control') ctx.type = 'application/problem+json';
    }
  };
}

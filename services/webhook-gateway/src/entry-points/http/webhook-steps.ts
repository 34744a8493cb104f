import getRawBody from 'raw-body';
import { AppError, invalidArgument } from '@teamseat/errors';
import type { VerifyAuthorization } from '../../domain/verify-authorization';
import type { GatewayMetrics } from '../../adapters/metrics/gateway-metrics';
import type { GatewayContext } from './gateway-context';
import { HTTP_REASONS } from './problem-details';

// The steps of the webhook route (webhook-route.ts), as plain functions that throw an AppError to refuse.

/** 401 before anything else is read, so an unauthenticated caller learns nothing about the body rules. */
export function createRequireAuthorization({
  verifyAuthorization,
  metrics,
}: {
  verifyAuthorization: VerifyAuthorization;
  metrics: GatewayMetrics;
}) {
  return function requireAuthorization(ctx: GatewayContext): void {
    const outcome = verifyAuthorization(ctx.get('authorization') || undefined);
    if (outcome !== 'accepted') {
      metrics.authorizationFailures.inc({ reason: outcome });
      // The message describes the problem, never the value sent or expected.
      throw new AppError(
        'UNAUTHENTICATED',
        outcome === 'missing'
          ? 'the Authorization header is required'
          : 'the Authorization header does not match the configured webhook authorization',
        { reason: outcome === 'missing' ? 'AUTHORIZATION_MISSING' : 'AUTHORIZATION_MISMATCH' },
      );
    }
  };
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json$/;

function unsupportedMediaType(message: string): AppError {
  return new AppError('INVALID_ARGUMENT', message, { reason: HTTP_REASONS.unsupportedMediaType });
}

interface RawBodyError {
  type?: string;
  status?: number;
  message?: string;
}

/** Checks the media type and reads the body as bytes, up to `limitBytes`. */
export function createReadJsonBody({ limitBytes }: { limitBytes: number }) {
  return async function readJsonBody(ctx: GatewayContext): Promise<Buffer> {
    const type = ctx.request.type;
    if (!JSON_MEDIA_TYPE.test(type)) {
      throw unsupportedMediaType(`Content-Type must be application/json, got ${type ? `"${type}"` : 'none'}`);
    }
    const charset = ctx.request.charset;
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      throw unsupportedMediaType(`charset must be utf-8, got "${charset}"`);
    }
    const encoding = ctx.get('content-encoding');
    if (encoding && encoding.toLowerCase() !== 'identity') {
      throw unsupportedMediaType(
        `Content-Encoding "${encoding}" is not supported; send the body uncompressed`,
      );
    }
    try {
      return await getRawBody(ctx.req, { length: ctx.request.length, limit: limitBytes });
    } catch (thrown) {
      const error = thrown as RawBodyError;
      if (error.type === 'entity.too.large') {
        throw new AppError('INVALID_ARGUMENT', `body: larger than the limit of ${limitBytes} bytes`, {
          reason: HTTP_REASONS.payloadTooLarge,
          details: { field: 'body', limitBytes },
        });
      }
      if (typeof error.status === 'number' && error.status < 500) {
        throw invalidArgument('body', error.message ?? 'could not be read');
      }
      throw thrown;
    }
  };
}

/** Everything but POST on the webhook path. */
export function methodNotAllowed(ctx: GatewayContext): never {
  throw new AppError(
    'INVALID_ARGUMENT',
    `${ctx.method} is not allowed here; RevenueCat webhooks are POSTed`,
    {
      reason: HTTP_REASONS.methodNotAllowed,
      details: { allow: 'POST' },
    },
  );
}

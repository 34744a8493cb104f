import { AppError, toAppError } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import type { GatewayContext, Next } from './gateway-context';
import { toProblemDetails } from './problem-details';

/**
 * The one place where errors become HTTP responses (STYLE §4): every AppError turns into problem+json with
 * the status its code or reason implies. Anything that is not an AppError is a bug: logged with its stack,
 * answered with a 500 that reveals nothing.
 */
export function createErrorFunnel({
  logger,
  retryAfterSeconds,
}: {
  logger: Logger;
  retryAfterSeconds: number;
}) {
  return async function errorFunnel(ctx: GatewayContext, next: Next): Promise<void> {
    try {
      await next();
      if (ctx.status === 404 && ctx.body == null) {
        throw new AppError(
          'NOT_FOUND',
          `no route for ${ctx.method} ${ctx.path}; webhooks go to POST /webhooks/revenuecat`,
        );
      }
    } catch (thrown) {
      const error = toAppError(thrown);
      const problem = toProblemDetails(error);
      const context = ctx.state.logContext;
      if (error.code === 'INTERNAL') logger.error({ ...context, err: thrown }, 'unexpected error');
      else if (problem.status >= 500)
        logger.warn({ ...context, err: error, code: error.code }, error.message);
      else logger.info({ ...context, status: problem.status, reason: error.reason }, error.message);

      ctx.status = problem.status;
      ctx.body = problem;
      ctx.type = 'application/problem+json';
      if (problem.status === 503) ctx.set('Retry-After', String(retryAfterSeconds));
      if (problem.status === 401) ctx.set('WWW-Authenticate', 'Bearer realm="revenuecat-webhooks"');
      if (typeof error.details.allow === 'string') ctx.set('Allow', error.details.allow);
      // The rest of an oversized body is not worth reading; closing is cheaper than draining it.
      if (problem.status === 413) ctx.set('Connection', 'close');
    }
  };
}

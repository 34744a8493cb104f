import { randomUUID } from 'node:crypto';
import type { GatewayMetrics } from '../../adapters/metrics/gateway-metrics';
import type { GatewayContext, Next } from './gateway-context';

const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Outermost middleware: gives each request an id and its log bindings, counts the final status, and during
 * shutdown asks keep-alive clients to close so the server can drain.
 */
export function createRequestContext({
  metrics,
  isShuttingDown,
  clock,
}: {
  metrics: GatewayMetrics;
  isShuttingDown: () => boolean;
  clock: () => Date;
}) {
  return async function requestContext(ctx: GatewayContext, next: Next): Promise<void> {
    const offered = ctx.get('x-request-id');
    const requestId = SAFE_REQUEST_ID.test(offered) ? offered : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.receivedAt = clock();
    ctx.state.logContext = { requestId };
    ctx.set('X-Request-Id', requestId);
    try {
      await next();
    } finally {
      if (isShuttingDown()) ctx.set('Connection', 'close');
      metrics.requests.inc({ status: String(ctx.status) });
    }
  };
}

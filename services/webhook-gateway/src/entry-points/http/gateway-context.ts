import type { ParameterizedContext } from 'koa';

/** What the gateway's middleware keeps on `ctx.state` for the middleware after it. */
export interface GatewayState {
  requestId: string;
  receivedAt: Date;
  /**
   * What every log line of this request carries: the request id, and the event id and type once the body
   * is parsed. Passed as bindings at each call rather than through a child logger per request, which
   * costs more than the request's whole validation on the hot path (bench/gateway).
   */
  logContext: { requestId: string; eventId?: string; eventType?: string };
}

export type GatewayContext = ParameterizedContext<GatewayState>;
export type Next = () => Promise<unknown>;

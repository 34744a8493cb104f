import type { ParameterizedContext } from 'koa';
import type { Logger } from '@teamseat/logger';

/** What the gateway's middleware keeps on `ctx.state` for the middleware after it. */
export interface GatewayState {
  requestId: string;
  receivedAt: Date;
  /** Request-scoped logger; gains the event id and type once the body is parsed. */
  log: Logger;
  /** The body exactly as received, set by the body reader. */
  rawBody?: Buffer;
}

export type GatewayContext = ParameterizedContext<GatewayState>;
export type Next = () => Promise<unknown>;

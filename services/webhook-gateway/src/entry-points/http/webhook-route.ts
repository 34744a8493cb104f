import type { GatewayContext } from './gateway-context';
import { methodNotAllowed } from './webhook-steps';

/**
 * The one route, as @koa/router matched it (trailing slash and letter case ignored), without a router: its
 * steps run one after the other as plain calls. A router and a middleware layer per step cost the gateway
 * a bound function and a promise per step per webhook (bench/gateway). Anything else falls through to the
 * error funnel's 404.
 */
export function createWebhookRoute({
  path,
  requireAuthorization,
  readJsonBody,
  receiveWebhook,
}: {
  path: string;
  requireAuthorization: (ctx: GatewayContext) => void;
  readJsonBody: (ctx: GatewayContext) => Promise<Buffer>;
  receiveWebhook: (ctx: GatewayContext, raw: Buffer) => Promise<void>;
}) {
  const matches = (requested: string) =>
    requested === path || requested.toLowerCase().replace(/\/+$/, '') === path;

  return async function webhookRoute(ctx: GatewayContext): Promise<void> {
    if (!matches(ctx.path)) return;
    if (ctx.method !== 'POST') methodNotAllowed(ctx);
    requireAuthorization(ctx);
    const raw = await readJsonBody(ctx);
    await receiveWebhook(ctx, raw);
  };
}

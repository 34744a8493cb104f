import Koa, { type Context, type Middleware, type Next } from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { Logger } from '@teamseat/logger';
import type { EmulatorCatalog } from '../../domain/catalog';
import type { RateLimiter } from '../../domain/rate-limiter';
import type { EmulatorService } from '../../application/emulator-service';
import type { WebhookDispatcher } from '../../adapters/webhooks/webhook-dispatcher';
import { errorFunnel, type ApiFamily } from './api-errors';
import { createControlRouter, type RuntimeSettings } from './control-routes';
import type { FaultInjector } from './faults';
import { createRestGuards } from './rest-guards';
import { createV1Router } from './v1-routes';
import { createV2Router } from './v2-routes';

export interface HttpAppDeps {
  service: EmulatorService;
  catalog: EmulatorCatalog;
  webhooks: WebhookDispatcher;
  faults: FaultInjector;
  limiter: RateLimiter;
  runtime: RuntimeSettings;
  keys: { v1: ReadonlySet<string>; v2: ReadonlySet<string> };
  projectId: string;
  logger: Logger;
  resetAll: () => void;
}

/** Runs middleware in order, as Koa would for one sub-application. */
function chain(middlewares: Middleware[]): Middleware {
  return function runChain(ctx: Context, next: Next) {
    const run = (i: number): Promise<void> =>
      i < middlewares.length
        ? Promise.resolve(middlewares[i]!(ctx, () => run(i + 1)))
        : Promise.resolve(next());
    return run(0);
  };
}

const json = () => bodyParser({ enableTypes: ['json'], jsonLimit: '1mb', encoding: 'utf-8' }) as Middleware;
/** Router middleware typed for Koa's default context. */
const plain = (middleware: unknown) => middleware as Middleware;

/** Three families behind one port: `/v1`, `/v2` (faults apply here) and `/_emulator` (never faulty). */
export function createHttpApp(deps: HttpAppDeps): Koa {
  const log = deps.logger.child({ module: 'http' });
  const guards = createRestGuards({
    keys: (api) => deps.keys[api],
    limiter: deps.limiter,
    limits: () => deps.runtime.limits,
    concurrency: () => deps.runtime.concurrency,
  });
  const v1 = createV1Router({ service: deps.service, guards });
  const v2 = createV2Router({ service: deps.service, guards, projectId: deps.projectId });
  const control = createControlRouter(deps);

  const families: Record<ApiFamily, Middleware> = {
    v1: chain([
      errorFunnel('v1', log),
      deps.faults.middleware('v1'),
      json(),
      plain(v1.routes()),
      plain(v1.allowedMethods()),
    ]),
    v2: chain([
      errorFunnel('v2', log),
      deps.faults.middleware('v2', () => deps.runtime.limits.v2CustomerInformationPerMinute),
      json(),
      plain(v2.routes()),
      plain(v2.allowedMethods()),
    ]),
    control: chain([
      errorFunnel('control', log),
      json(),
      plain(control.routes()),
      plain(control.allowedMethods()),
    ]),
  };

  const app = new Koa();
  app.silent = true;
  app.use(async function logRequest(ctx, next) {
    const started = Date.now();
    await next();
    log.debug(
      { method: ctx.method, path: ctx.path, status: ctx.status, ms: Date.now() - started },
      'request',
    );
  });
  app.use(function route(ctx, next) {
    if (ctx.path.startsWith('/v1/')) return families.v1(ctx, next);
    if (ctx.path.startsWith('/v2/')) return families.v2(ctx, next);
    if (ctx.path.startsWith('/_emulator/')) return families.control(ctx, next);
    return families.control(ctx, next);
  });
  return app;
}

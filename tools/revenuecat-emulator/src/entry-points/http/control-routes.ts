import Router from '@koa/router';
import type { Context } from 'koa';
import { AppError } from '@teamseat/errors';
import type { EmulatorCatalog } from '../../domain/catalog';
import { isoDate } from '../../domain/subscriber-view';
import type { WebhookEvent } from '../../domain/types';
import type { EmulatorService, StoreActionName } from '../../application/emulator-service';
import type { Delivery, WebhookDispatcher } from '../../adapters/webhooks/webhook-dispatcher';
import {
  advanceSchema,
  faultsSchema,
  limitsSchema,
  parseBody,
  setClockSchema,
  storeActionSchemas,
  userFaultSchema,
  webhookConfigSchema,
} from './control-schemas';
import type { FaultInjector, FaultOptions } from './faults';
import type { ConcurrencyOptions } from './guards';
import type { RestLimits } from './rest-guards';

export interface RuntimeSettings {
  limits: RestLimits;
  concurrency: ConcurrencyOptions;
}

/**
 * The control API under `/_emulator/`: acts as the stores would, moves the clock, and shows what was sent.
 * It has no auth: the emulator listens on 127.0.0.1 by default.
 */
export function createControlRouter(deps: {
  service: EmulatorService;
  catalog: EmulatorCatalog;
  webhooks: WebhookDispatcher;
  faults: FaultInjector;
  runtime: RuntimeSettings;
  resetAll: () => void;
}) {
  const { service, webhooks, faults, runtime } = deps;
  const router = new Router({ prefix: '/_emulator' });
  const body = (ctx: Context) => (ctx.request as { body?: unknown }).body;
  const clockView = () => ({ now_ms: service.now(), now: isoDate(service.now()) });

  router.get('/health', (ctx) => {
    ctx.body = { status: 'ok', ...clockView() };
  });

  router.post('/store/:action', function storeAction(ctx) {
    const action = ctx.params.action as StoreActionName;
    const schema = storeActionSchemas[action];
    if (!Object.hasOwn(storeActionSchemas, action) || !schema)
      throw new AppError(
        'NOT_FOUND',
        `unknown store action "${action}"; use one of ${Object.keys(storeActionSchemas).join(', ')}`,
      );
    const input = parseBody(schema, body(ctx));
    const events = service.storeAction(action, input);
    const users = [...new Set(events.flatMap(usersOf))];
    ctx.status = 201;
    ctx.body = {
      events,
      subscribers: Object.fromEntries(users.map((u) => [u, service.subscriber(u) ?? null])),
    };
  });

  router.get('/clock', (ctx) => {
    ctx.body = clockView();
  });
  router.post('/clock/advance', (ctx) => {
    const events = service.advance(parseBody(advanceSchema, body(ctx)));
    ctx.body = { ...clockView(), events };
  });
  router.post('/clock/set', (ctx) => {
    const { now_ms: nowMs } = parseBody(setClockSchema, body(ctx));
    if (nowMs < service.now()) throw new AppError('INVALID_ARGUMENT', 'now_ms: the clock only moves forward');
    const events = service.setClock(nowMs);
    ctx.body = { ...clockView(), events };
  });

  router.get('/customers/:app_user_id', (ctx) => {
    const customer = service.customer(ctx.params.app_user_id as string);
    if (!customer) throw new AppError('NOT_FOUND', `app_user_id: no customer "${ctx.params.app_user_id}"`);
    ctx.body = { customer, subscriber: service.subscriber(customer.appUserId) };
  });
  router.get('/customers/:app_user_id/grants', (ctx) => {
    const customer = service.customer(ctx.params.app_user_id as string);
    if (!customer) throw new AppError('NOT_FOUND', `app_user_id: no customer "${ctx.params.app_user_id}"`);
    ctx.body = { grants: customer.grants, active: service.activeGrants(customer) };
  });

  router.get('/catalog', (ctx) => {
    ctx.body = { products: deps.catalog.products, entitlements: deps.catalog.entitlements };
  });

  router.get('/webhooks', (ctx) => {
    const type = ctx.query.type;
    const user = ctx.query.app_user_id;
    ctx.body = {
      deliveries: webhooks
        .deliveries()
        .filter(
          (d) => (type === undefined || d.eventType === type) && (user === undefined || d.appUserId === user),
        )
        .map(deliveryView),
    };
  });
  router.post('/webhooks/test', (ctx) => {
    ctx.status = 201;
    ctx.body = { events: service.sendTestEvent() };
  });
  router.post('/webhooks/:event_id/resend', (ctx) => {
    const sent = webhooks.resend(ctx.params.event_id as string);
    if (sent.length === 0)
      throw new AppError('NOT_FOUND', `event_id: no webhook with id "${ctx.params.event_id}"`);
    ctx.status = 201;
    ctx.body = { deliveries: sent.map(deliveryView) };
  });
  router.get('/webhooks/config', (ctx) => {
    ctx.body = webhooks.options();
  });
  router.put('/webhooks/config', (ctx) => {
    const patch = parseBody(webhookConfigSchema, body(ctx));
    ctx.body = webhooks.configure({
      ...(patch.urls !== undefined && { urls: patch.urls }),
      ...(patch.authorization !== undefined && { authorization: patch.authorization }),
      ...(patch.timeout_ms !== undefined && { timeoutMs: patch.timeout_ms }),
      ...(patch.retry_scale !== undefined && { retryScale: patch.retry_scale }),
      ...(patch.duplicate_rate !== undefined && { duplicateRate: patch.duplicate_rate }),
      ...(patch.drop_rate !== undefined && { dropRate: patch.drop_rate }),
      ...(patch.reorder_window_ms !== undefined && { reorderWindowMs: patch.reorder_window_ms }),
      ...(patch.drop_event_types !== undefined && { dropEventTypes: patch.drop_event_types }),
      ...(patch.drop_event_count !== undefined && { dropEventCount: patch.drop_event_count }),
    });
  });

  router.get('/faults', (ctx) => {
    ctx.body = faults.get();
  });
  router.put('/faults', (ctx) => {
    ctx.body = faults.set(faultPatch(parseBody(faultsSchema, body(ctx))));
  });
  router.delete('/faults', (ctx) => {
    ctx.body = faults.clear();
  });
  router.put('/faults/users/:app_user_id', (ctx) => {
    const input = parseBody(userFaultSchema, body(ctx));
    ctx.body = faults.targetUser(ctx.params.app_user_id as string, {
      status: input.status,
      untilMs: input.duration_ms === undefined ? null : Date.now() + input.duration_ms,
      retryAfterSeconds: input.retry_after_seconds,
    });
  });
  router.delete('/faults/users/:app_user_id', (ctx) => {
    ctx.body = faults.clearUser(ctx.params.app_user_id as string);
  });

  router.get('/limits', (ctx) => {
    ctx.body = runtime;
  });
  router.put('/limits', (ctx) => {
    const patch = parseBody(limitsSchema, body(ctx));
    const { limits, concurrency } = runtime;
    if (patch.v1_per_minute !== undefined) limits.v1PerMinute = patch.v1_per_minute;
    if (patch.v2_customer_information_per_minute !== undefined)
      limits.v2CustomerInformationPerMinute = patch.v2_customer_information_per_minute;
    if (patch.v2_project_configuration_per_minute !== undefined)
      limits.v2ProjectConfigurationPerMinute = patch.v2_project_configuration_per_minute;
    if (patch.concurrency !== undefined) concurrency.mode = patch.concurrency;
    if (patch.lock_hold_ms !== undefined) concurrency.holdMs = patch.lock_hold_ms;
    ctx.body = runtime;
  });

  router.post('/reset', (ctx) => {
    deps.resetAll();
    ctx.body = { reset: true, ...clockView() };
  });

  return router;
}

function usersOf(event: WebhookEvent): string[] {
  if (typeof event.app_user_id === 'string') return [event.app_user_id];
  return Array.isArray(event.transferred_to)
    ? [...(event.transferred_from as string[]), ...(event.transferred_to as string[])]
    : [];
}

function deliveryView(delivery: Delivery) {
  const { body, ...rest } = delivery;
  return { ...rest, event: (JSON.parse(body) as { event: WebhookEvent }).event };
}

type FaultsBody = ReturnType<typeof faultsSchema.parse>;

function faultPatch(b: FaultsBody): Partial<FaultOptions> {
  const patch: Partial<FaultOptions> = {};
  if (typeof b.latency_ms === 'number')
    Object.assign(patch, { latencyMinMs: b.latency_ms, latencyMaxMs: b.latency_ms });
  else if (b.latency_ms)
    Object.assign(patch, {
      latencyMinMs: b.latency_ms.min,
      latencyMaxMs: Math.max(b.latency_ms.min, b.latency_ms.max),
    });
  if (b.error_rate !== undefined) patch.errorRate = b.error_rate;
  if (b.error_status !== undefined) patch.errorStatus = b.error_status;
  if (b.hang_rate !== undefined) patch.hangRate = b.hang_rate;
  if (b.outage_ms !== undefined) patch.outageUntilMs = b.outage_ms > 0 ? Date.now() + b.outage_ms : null;
  if (b.force_429 !== undefined) patch.forced429 = b.force_429;
  // A storm asked for during an outage starts when the outage ends: "down, then a 429 storm" in one call.
  if (b.storm_429_ms !== undefined)
    patch.storm429UntilMs = b.storm_429_ms > 0 ? (patch.outageUntilMs ?? Date.now()) + b.storm_429_ms : null;
  if (b.retry_after_seconds !== undefined) patch.retryAfterSeconds = b.retry_after_seconds;
  if (b.scope !== undefined) patch.scope = b.scope;
  return patch;
}

import Router from '@koa/router';
import { durationEnd, PROMO_DURATIONS, type PromoDuration } from '../../domain/promotional';
import type { EmulatorService } from '../../application/emulator-service';
import { apiError } from './api-errors';
import type { RestGuards } from './rest-guards';

/** REST API v1: the three endpoints entitlement-service calls (REVENUECAT.md, "REST API v1"). */
export function createV1Router({ service, guards }: { service: EmulatorService; guards: RestGuards }) {
  const router = new Router({ prefix: '/v1' });
  const user = '/subscribers/:app_user_id';

  router.get(user, ...guards('v1:subscribers', 429), function getSubscriber(ctx) {
    const { created, body } = service.getSubscriber(
      ctx.params.app_user_id as string,
      ctx.get('x-platform') !== '',
    );
    ctx.status = created ? 201 : 200;
    ctx.body = body;
  });

  router.post(
    `${user}/entitlements/:entitlement/promotional`,
    ...guards('v1:promotional', 429),
    function grantPromotional(ctx) {
      const { endMs, label } = parseGrant(ctx.request.body, service.now());
      ctx.status = 201;
      ctx.body = service.grantV1(
        ctx.params.app_user_id as string,
        ctx.params.entitlement as string,
        endMs,
        label,
      );
    },
  );

  router.post(
    `${user}/entitlements/:entitlement/revoke_promotionals`,
    ...guards('v1:revoke_promotionals', 429),
    function revokePromotionals(ctx) {
      ctx.status = 200;
      ctx.body = service.revokeV1(ctx.params.app_user_id as string, ctx.params.entitlement as string);
    },
  );

  return router;
}

function badRequest(message: string, param: string) {
  return apiError({ status: 400, message, param });
}

/** `end_time_ms` (preferred) or the deprecated `duration`, optionally counted from `start_time_ms`. */
export function parseGrant(body: unknown, nowMs: number): { endMs: number | null; label: string } {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { end_time_ms: endTime, duration, start_time_ms: startTime } = input;
  if (endTime !== undefined && endTime !== null) {
    if (typeof endTime !== 'number' || !Number.isSafeInteger(endTime))
      throw badRequest('end_time_ms must be an integer (ms since epoch)', 'end_time_ms');
    if (endTime <= nowMs) throw badRequest('end_time_ms must be in the future', 'end_time_ms');
    return { endMs: endTime, label: 'custom' };
  }
  if (duration === undefined || duration === null)
    throw badRequest('end_time_ms or duration is required', 'end_time_ms');
  if (typeof duration !== 'string' || !(PROMO_DURATIONS as readonly string[]).includes(duration))
    throw badRequest(`duration must be one of ${PROMO_DURATIONS.join(', ')}`, 'duration');
  if (startTime !== undefined && (typeof startTime !== 'number' || !Number.isSafeInteger(startTime)))
    throw badRequest('start_time_ms must be an integer (ms since epoch)', 'start_time_ms');
  const endMs = durationEnd(duration as PromoDuration, (startTime as number | undefined) ?? nowMs);
  if (endMs !== null && endMs <= nowMs)
    throw badRequest('start_time_ms plus duration is in the past', 'start_time_ms');
  return { endMs, label: duration };
}

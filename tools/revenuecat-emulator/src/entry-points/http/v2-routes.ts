import Router from '@koa/router';
import type { Context, Next } from 'koa';
import type { EmulatorService } from '../../application/emulator-service';
import { apiError } from './api-errors';
import type { RestGuards } from './rest-guards';

/**
 * REST API v2: the grant / revoke customer actions (RevenueCat entitlement ids, not lookup keys), plus the
 * customer and entitlement reads a client needs to map lookup keys to ids.
 */
export function createV2Router(deps: { service: EmulatorService; guards: RestGuards; projectId: string }) {
  const { service, guards, projectId } = deps;
  const router = new Router({ prefix: '/v2/projects/:project_id' });
  const customer = '/customers/:customer_id';

  const checkProject = async function checkProject(ctx: Context, next: Next) {
    const params = (ctx as Context & { params: Record<string, string> }).params;
    if (params.project_id !== projectId)
      throw apiError({
        status: 403,
        message: 'The API key does not belong to this project',
        param: 'project_id',
      });
    return next();
  };

  router.get(
    '/entitlements',
    ...guards('v2:project_configuration', null),
    checkProject,
    function listEntitlements(ctx) {
      ctx.body = service.entitlementsV2();
    },
  );

  router.get(
    customer,
    ...guards('v2:customer_information', 423, 'customer_id'),
    checkProject,
    function getCustomer(ctx) {
      ctx.body = service.customerV2(customerId(ctx)) ?? missingCustomer();
    },
  );

  router.post(
    `${customer}/actions/grant_entitlement`,
    ...guards('v2:customer_information', 423, 'customer_id'),
    checkProject,
    function grantEntitlement(ctx) {
      const body = jsonBody(ctx, ['entitlement_id', 'expires_at']);
      const entitlement = requireEntitlement(service, body.entitlement_id);
      const expiresAt = body.expires_at;
      if (typeof expiresAt !== 'number' || !Number.isSafeInteger(expiresAt))
        throw apiError({
          status: 400,
          message: 'expires_at must be an integer (ms since epoch)',
          param: 'expires_at',
        });
      if (expiresAt <= service.now())
        throw apiError({
          status: 422,
          message: 'Date must be in the future',
          v2Type: 'parameter_error',
          param: 'expires_at',
        });
      ctx.status = 201;
      ctx.body = service.grantV2(customerId(ctx), entitlement, expiresAt) ?? missingCustomer();
    },
  );

  router.post(
    `${customer}/actions/revoke_granted_entitlement`,
    ...guards('v2:customer_information', 423, 'customer_id'),
    checkProject,
    function revokeGrantedEntitlement(ctx) {
      const body = jsonBody(ctx, ['entitlement_id']);
      const entitlement = requireEntitlement(service, body.entitlement_id);
      const { customer: result, revoked } = service.revokeV2(customerId(ctx), entitlement);
      if (!result) missingCustomer();
      if (revoked === 0)
        throw apiError({
          status: 404,
          message: 'The customer has no active granted entitlement with this id',
          param: 'entitlement_id',
        });
      ctx.body = result;
    },
  );

  return router;
}

function customerId(ctx: Context): string {
  const id = (ctx as Context & { params: Record<string, string> }).params.customer_id ?? '';
  if (id.length < 1 || id.length > 1500)
    throw apiError({
      status: 400,
      message: 'customer_id must be 1 to 1500 characters',
      param: 'customer_id',
    });
  return id;
}

function missingCustomer(): never {
  throw apiError({ status: 404, message: 'Customer not found', param: 'customer_id' });
}

/** A JSON object with only the documented properties (the schemas say `additionalProperties: false`). */
function jsonBody(ctx: Context, allowed: string[]): Record<string, unknown> {
  if (!ctx.is('application/json'))
    throw apiError({ status: 400, message: 'Content-Type not application/json', v2Type: 'invalid_request' });
  const body = (ctx.request as { body?: unknown }).body;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw apiError({ status: 400, message: 'The body must be a JSON object', v2Type: 'invalid_request' });
  const extra = Object.keys(body).find((key) => !allowed.includes(key));
  if (extra) throw apiError({ status: 400, message: `Unknown parameter ${extra}`, param: extra });
  return body as Record<string, unknown>;
}

function requireEntitlement(service: EmulatorService, id: unknown): string {
  if (typeof id !== 'string' || id.length < 1 || id.length > 255)
    throw apiError({
      status: 400,
      message: 'entitlement_id must be 1 to 255 characters',
      param: 'entitlement_id',
    });
  const entitlement = service.entitlementForV2(id);
  if (!entitlement)
    throw apiError({
      status: 404,
      message: `Entitlement ${id} not found (v2 takes the RevenueCat entitlement id, not the lookup key)`,
      param: 'entitlement_id',
    });
  return entitlement.lookupKey;
}

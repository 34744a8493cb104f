import { AppError, invalidArgument } from '@teamseat/errors';
import { requireCustomer, type StoreContext } from './store-subscriptions';
import type { WebhookEvent } from './types';

/**
 * The SDK's `logIn(newAppUserId)` from an anonymous id: RevenueCat aliases the two ids to one customer, so
 * both read the same subscriber and later events carry the new id as `app_user_id` (the anonymous one stays
 * `original_app_user_id`, both are in `aliases`). RevenueCat sends no webhook for it. Logging in to an id
 * that is already a customer (where RevenueCat may transfer purchases instead) is not emulated.
 */
export function logIn(ctx: StoreContext, input: { appUserId: string; newAppUserId: string }): WebhookEvent[] {
  if (input.appUserId === input.newAppUserId)
    throw invalidArgument('new_app_user_id', 'must differ from app_user_id');
  const customer = requireCustomer(ctx, input.appUserId);
  if (ctx.customers.get(input.newAppUserId)) {
    throw new AppError(
      'FAILED_PRECONDITION',
      `new_app_user_id: "${input.newAppUserId}" is already a customer`,
      {
        reason: 'ALREADY_A_CUSTOMER',
        details: { field: 'new_app_user_id' },
      },
    );
  }
  ctx.customers.alias(customer, input.newAppUserId);
  customer.lastSeenMs = ctx.nowMs;
  return [];
}

import { requireProduct, type StoreContext } from './store-subscriptions';
import { HOUR_MS, type WebhookEvent } from './types';

/**
 * Events RevenueCat sends that change no purchase the emulator models: a temporary entitlement while a
 * store cannot validate a purchase, a Web Billing invoice not yet paid, a virtual currency adjustment and
 * an experiment enrollment. Shapes follow RevenueCat's event type reference and sample events
 * (REVENUECAT.md); each is only sent, the customer's purchases stay as they are.
 */

function customerFields(ctx: StoreContext, appUserId: string) {
  const { customer } = ctx.customers.getOrCreate(appUserId, ctx.nowMs);
  return {
    app_user_id: customer.appUserId,
    original_app_user_id: customer.originalAppUserId,
    aliases: [
      customer.originalAppUserId,
      ...customer.aliases.filter((a) => a !== customer.originalAppUserId),
    ],
  };
}

const header = (ctx: StoreContext, type: string) => ({
  id: ctx.ids.uuid(),
  type,
  event_timestamp_ms: ctx.nowMs,
});

/**
 * RevenueCat could not validate a purchase with the store and grants its entitlements for at most 24 hours;
 * an INITIAL_PURCHASE follows once it can (or an EXPIRATION with the same `transaction_id`). The event
 * guarantees only these fields.
 */
export function temporaryEntitlementGrant(
  ctx: StoreContext,
  input: { appUserId: string; productId: string },
): WebhookEvent[] {
  const product = requireProduct(ctx, input.productId);
  return [
    {
      ...header(ctx, 'TEMPORARY_ENTITLEMENT_GRANT'),
      app_id: ctx.appId,
      app_user_id: input.appUserId,
      product_id: input.productId,
      entitlement_ids: [...product.entitlements],
      purchased_at_ms: ctx.nowMs,
      expiration_at_ms: ctx.nowMs + 24 * HOUR_MS,
      store: 'APP_STORE',
      transaction_id: `emu_temp_${ctx.ids.hex(6)}`,
    },
  ];
}

/** A Web Billing invoice for a purchase or renewal, not yet paid: no entitlements, many nulls. */
export function invoiceIssuance(
  ctx: StoreContext,
  input: { appUserId: string; productId: string },
): WebhookEvent[] {
  requireProduct(ctx, input.productId);
  return [
    {
      ...header(ctx, 'INVOICE_ISSUANCE'),
      app_id: ctx.appId,
      ...customerFields(ctx, input.appUserId),
      product_id: input.productId,
      period_type: null,
      purchased_at_ms: ctx.nowMs,
      expiration_at_ms: null,
      environment: 'PRODUCTION',
      entitlement_id: null,
      entitlement_ids: null,
      transaction_id: null,
      original_transaction_id: null,
      store: 'RC_BILLING',
      currency: 'USD',
      price_in_purchased_currency: 9,
      tax_percentage: null,
      commission_percentage: null,
      renewal_number: null,
    },
  ];
}

/** A virtual currency balance adjusted (granted by a purchase, removed by a refund, or by the admin API). */
export function virtualCurrencyTransaction(
  ctx: StoreContext,
  input: { appUserId: string; amount: number; currencyCode: string },
): WebhookEvent[] {
  return [
    {
      ...header(ctx, 'VIRTUAL_CURRENCY_TRANSACTION'),
      app_id: ctx.appId,
      ...customerFields(ctx, input.appUserId),
      adjustments: [
        {
          amount: input.amount,
          currency: { code: input.currencyCode, name: input.currencyCode, description: null },
        },
      ],
      product_display_name: null,
      purchase_environment: 'SANDBOX',
      source: 'admin_api',
      virtual_currency_transaction_id: `vct_${ctx.ids.hex(8)}`,
      store: 'APP_STORE',
      environment: 'SANDBOX',
    },
  ];
}

/** A customer enrolled in an experiment: the sample carries no `app_id` and no `store`. */
export function experimentEnrollment(
  ctx: StoreContext,
  input: { appUserId: string; experimentId: string; variant: string },
): WebhookEvent[] {
  return [
    {
      ...header(ctx, 'EXPERIMENT_ENROLLMENT'),
      ...customerFields(ctx, input.appUserId),
      experiment_id: input.experimentId,
      experiment_variant: input.variant,
      offering_id: null,
      experiment_enrolled_at_ms: ctx.nowMs,
    },
  ];
}

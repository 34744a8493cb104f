import { AppError } from '@teamseat/errors';
import type { CatalogProduct, EmulatorCatalog } from './catalog';
import type { CustomerStore } from './customers';
import type { IdSource } from './ids';
import { subscriptionEvent } from './webhook-events';
import type { Customer, Environment, PeriodType, StoreSubscription, WebhookEvent } from './types';

/** What every store action needs: the state, the catalog and the time it happens at. */
export interface StoreContext {
  customers: CustomerStore;
  catalog: EmulatorCatalog;
  appId: string;
  nowMs: number;
  /** Subscriptions renew by themselves when the clock passes their expiry (unless cancelled). */
  autoRenew: boolean;
  defaultGracePeriodMs: number;
  ids: IdSource;
}

export function transactionId(ids: IdSource): string {
  return `emu_${ids.hex(8)}`;
}

export function requireCustomer(ctx: StoreContext, appUserId: string, field = 'app_user_id'): Customer {
  const customer = ctx.customers.get(appUserId);
  if (!customer)
    throw new AppError('NOT_FOUND', `${field}: no customer "${appUserId}"`, {
      reason: 'UNKNOWN_CUSTOMER',
      details: { field },
    });
  return customer;
}

export function requireProduct(ctx: StoreContext, productId: string, field = 'product_id'): CatalogProduct {
  const product = ctx.catalog.findProduct(productId);
  if (!product) {
    const known = ctx.catalog.products.map((p) => p.productId).join(', ') || '(none)';
    throw new AppError(
      'INVALID_ARGUMENT',
      `${field}: unknown product "${productId}"; the catalog has ${known}`,
      {
        reason: 'UNKNOWN_PRODUCT',
        details: { field },
      },
    );
  }
  return product;
}

/** The customer's own (purchased before shared) subscription to a product, by store id or catalog id. */
export function requireSubscription(
  ctx: StoreContext,
  customer: Customer,
  productId: string,
): StoreSubscription {
  const matches = customer.subscriptions.filter(
    (s) => s.productId === productId || s.catalogProductId === productId,
  );
  const sub =
    matches.reverse().find((s) => s.ownership === 'PURCHASED') ??
    matches.find((s) => s.ownership !== 'PURCHASED');
  if (!sub)
    throw new AppError(
      'NOT_FOUND',
      `product_id: customer "${customer.appUserId}" has no subscription to "${productId}"`,
      {
        reason: 'UNKNOWN_SUBSCRIPTION',
        details: { field: 'product_id' },
      },
    );
  return sub;
}

export function isEnded(sub: StoreSubscription): boolean {
  return sub.refundedMs !== null || sub.expirationSent;
}

export interface NewSubscriptionInput {
  product: CatalogProduct;
  requestedProductId: string;
  store: StoreSubscription['store'];
  environment: Environment;
  periodType: PeriodType;
  periodMs: number;
  startMs: number;
  price?: number | undefined;
  ids: IdSource;
}

export function newSubscription(input: NewSubscriptionInput): StoreSubscription {
  const { product, store } = input;
  // A Play purchase names the product `subscription:base-plan` when the catalog knows that form.
  const productId =
    input.requestedProductId === product.productId && store === 'PLAY_STORE' && product.playProductId
      ? product.playProductId
      : input.requestedProductId;
  const id = transactionId(input.ids);
  return {
    productId,
    catalogProductId: product.productId,
    entitlements: [...product.entitlements],
    store,
    environment: input.environment,
    periodType: input.periodType,
    periodMs: input.periodMs,
    price: input.price ?? product.price,
    originalPurchaseMs: input.startMs,
    purchaseMs: input.startMs,
    expiresMs: input.startMs + input.periodMs,
    unsubscribeDetectedMs: null,
    billingIssueDetectedMs: null,
    gracePeriodExpiresMs: null,
    refundedMs: null,
    pausedMs: null,
    autoResumeMs: null,
    ownership: 'PURCHASED',
    familyOwnerId: null,
    transactionId: id,
    originalTransactionId: id,
    renewalNumber: 1,
    pendingProductId: null,
    expirationSent: false,
  };
}

/**
 * Starts the next period at `startMs` (a renewal, a recovery from a billing issue, a resume after a pause).
 * A product change scheduled for renewal takes effect here: the old product ends and the new one renews.
 */
export function startNextPeriod(
  ctx: StoreContext,
  customer: Customer,
  sub: StoreSubscription,
  startMs: number,
): { sub: StoreSubscription; events: WebhookEvent[] } {
  let next = sub;
  if (sub.pendingProductId !== null) {
    const product = requireProduct(ctx, sub.pendingProductId, 'new_product_id');
    sub.pendingProductId = null;
    sub.expirationSent = true;
    next = newSubscription({
      product,
      requestedProductId: product.productId,
      store: sub.store,
      environment: sub.environment,
      periodType: 'NORMAL',
      periodMs: product.periodMs ?? sub.periodMs,
      startMs,
      ids: ctx.ids,
    });
    next.originalPurchaseMs = sub.originalPurchaseMs;
    next.originalTransactionId = sub.originalTransactionId;
    next.renewalNumber = sub.renewalNumber;
    next.ownership = sub.ownership;
    next.familyOwnerId = sub.familyOwnerId;
    customer.subscriptions.push(next);
  }
  const wasTrial = next.periodType === 'TRIAL';
  next.purchaseMs = startMs;
  next.expiresMs = startMs + next.periodMs;
  next.periodType = 'NORMAL';
  next.renewalNumber += 1;
  next.transactionId = transactionId(ctx.ids);
  next.unsubscribeDetectedMs = null;
  next.billingIssueDetectedMs = null;
  next.gracePeriodExpiresMs = null;
  next.pausedMs = null;
  next.autoResumeMs = null;
  next.expirationSent = false;
  const event = subscriptionEvent(
    'RENEWAL',
    customer,
    next,
    { appId: ctx.appId, timestampMs: startMs, ids: ctx.ids },
    {
      is_trial_conversion: wasTrial,
    },
  );
  return { sub: next, events: [event] };
}

/** Family-shared copies of this purchase (same product, mirrored from this purchaser). */
export function familyCopies(ctx: StoreContext, owner: Customer, sub: StoreSubscription) {
  const copies: { customer: Customer; sub: StoreSubscription }[] = [];
  for (const customer of ctx.customers.all()) {
    for (const copy of customer.subscriptions) {
      if (copy.familyOwnerId === owner.appUserId && copy.originalTransactionId === sub.originalTransactionId)
        copies.push({ customer, sub: copy });
    }
  }
  return copies;
}

const MIRRORED_FIELDS = [
  'productId',
  'catalogProductId',
  'entitlements',
  'periodType',
  'periodMs',
  'purchaseMs',
  'expiresMs',
  'unsubscribeDetectedMs',
  'billingIssueDetectedMs',
  'gracePeriodExpiresMs',
  'refundedMs',
  'pausedMs',
  'autoResumeMs',
  'renewalNumber',
  'pendingProductId',
  'expirationSent',
] as const;

function mirrorField<Field extends (typeof MIRRORED_FIELDS)[number]>(
  to: StoreSubscription,
  from: StoreSubscription,
  field: Field,
): void {
  to[field] = from[field];
}

/** Applies the purchaser's change to each family copy and sends the same event type for each member. */
export function mirrorToFamily(
  ctx: StoreContext,
  owner: Customer,
  sub: StoreSubscription,
  type: string,
  extra: Record<string, unknown> = {},
): WebhookEvent[] {
  return familyCopies(ctx, owner, sub).map(({ customer, sub: copy }) => {
    for (const field of MIRRORED_FIELDS) mirrorField(copy, sub, field);
    copy.entitlements = [...sub.entitlements];
    return subscriptionEvent(
      type,
      customer,
      copy,
      { appId: ctx.appId, timestampMs: ctx.nowMs, ids: ctx.ids },
      extra,
    );
  });
}

import { AppError } from '@teamseat/errors';
import type { EmulatorCatalog } from '../domain/catalog';
import type { VirtualClock } from '../domain/clock';
import type { CustomerStore } from '../domain/customers';
import { customerV2View, entitlementListV2View } from '../domain/customer-v2-view';
import type { IdSource } from '../domain/ids';
import { activeGrants, grantPromotional, revokePromotionals } from '../domain/promotional';
import * as info from '../domain/informational-events';
import * as actions from '../domain/store-actions';
import { extend, refundReversed } from '../domain/store-adjustments';
import type { StoreContext } from '../domain/store-subscriptions';
import { familyShare, transfer } from '../domain/store-transfers';
import { logIn } from '../domain/customer-aliases';
import { subscriberView, type LifetimeStyle, type NullStyle } from '../domain/subscriber-view';
import { createTimeKeeper } from '../domain/time-passing';
import type { Customer, WebhookEvent } from '../domain/types';
import { testEvent } from '../domain/webhook-events';
import type { WebhookSender } from './ports';

export interface ServiceSettings {
  appId: string;
  projectId: string;
  autoRenew: boolean;
  defaultGracePeriodMs: number;
  duplicateWindowMs: number;
  nulls: NullStyle;
  /** v1/v2 refuse grants of entitlements the catalog does not know. */
  strictEntitlements: boolean;
  /** How a lifetime promotional grant's `expires_date` reads in v1 answers. */
  lifetimeExpiry: LifetimeStyle;
  /**
   * `create`: v1 grant and revoke create an unknown customer, as documented; `not-found`: they answer 404
   * until a `GET /v1/subscribers/{id}` has created it, as users of v1 report.
   */
  unknownCustomerGrants: 'create' | 'not-found';
}

const STORE_ACTIONS = {
  purchase: actions.purchase,
  renew: actions.renew,
  cancel: actions.cancel,
  uncancel: actions.uncancel,
  billing_issue: actions.billingIssue,
  expire: actions.expire,
  product_change: actions.productChange,
  pause: actions.pause,
  refund: actions.refund,
  transfer,
  family_share: familyShare,
  log_in: logIn,
  extend,
  refund_reversed: refundReversed,
  temporary_entitlement_grant: info.temporaryEntitlementGrant,
  invoice_issuance: info.invoiceIssuance,
  virtual_currency_transaction: info.virtualCurrencyTransaction,
  experiment_enrollment: info.experimentEnrollment,
};

export type StoreActionName = keyof typeof STORE_ACTIONS;
/** What each store action takes (the control API's schemas produce exactly this). */
export type StoreActionInput<Name extends StoreActionName> = Parameters<(typeof STORE_ACTIONS)[Name]>[1];
type StoreActions = {
  [Name in StoreActionName]: (ctx: StoreContext, input: StoreActionInput<Name>) => WebhookEvent[];
};

/**
 * The emulator's use cases, between the HTTP edges and the pure domain: each call first lets time pass
 * (so renewals and expiries come first), then acts, then hands the resulting events to the webhook sender.
 */
export function createEmulatorService(deps: {
  customers: CustomerStore;
  catalog: EmulatorCatalog;
  clock: VirtualClock;
  webhooks: WebhookSender;
  ids: IdSource;
  settings: ServiceSettings;
}) {
  const { customers, catalog, clock, webhooks, ids, settings } = deps;
  const createdAtMs = clock.now();

  const context = (): StoreContext => ({
    customers,
    catalog,
    appId: settings.appId,
    nowMs: clock.now(),
    autoRenew: settings.autoRenew,
    defaultGracePeriodMs: settings.defaultGracePeriodMs,
    ids,
  });
  const emit = (events: WebhookEvent[]) => {
    if (events.length > 0) webhooks.send(events);
    return events;
  };
  const passTime = createTimeKeeper();
  const tick = () => emit(passTime(context()).events);

  const requireKnownEntitlement = (lookupKey: string) => {
    if (settings.strictEntitlements && !catalog.entitlementByLookupKey(lookupKey))
      throw new AppError('NOT_FOUND', `entitlement "${lookupKey}" does not exist in this project`, {
        reason: 'UNKNOWN_ENTITLEMENT',
      });
  };

  const view = (customer: Customer) =>
    subscriberView(customer, clock.now(), { nulls: settings.nulls, lifetime: settings.lifetimeExpiry });

  /** The customer a v1 grant or revoke acts on: created, or refused with 404 in the `not-found` mode. */
  const promotionalCustomer = (appUserId: string) => {
    if (settings.unknownCustomerGrants === 'create')
      return customers.getOrCreate(appUserId, clock.now()).customer;
    const customer = customers.get(appUserId);
    if (!customer)
      throw new AppError('NOT_FOUND', `subscriber "${appUserId}" not found`, {
        reason: 'UNKNOWN_SUBSCRIBER',
      });
    return customer;
  };

  // As a mapped type, indexing by a generic name pairs each action with its own input (no cast needed).
  const storeActions: StoreActions = STORE_ACTIONS;

  return {
    tick,
    now: () => clock.now(),
    getSubscriber(appUserId: string, touch: boolean) {
      tick();
      const { customer, created } = customers.getOrCreate(appUserId, clock.now());
      if (touch) customer.lastSeenMs = clock.now();
      return { created, body: view(customer) };
    },
    grantV1(appUserId: string, entitlement: string, endMs: number | null, durationLabel: string) {
      tick();
      requireKnownEntitlement(entitlement);
      const customer = promotionalCustomer(appUserId);
      const outcome = grantPromotional(customer, {
        entitlement,
        endMs,
        durationLabel,
        nowMs: clock.now(),
        duplicateWindowMs: settings.duplicateWindowMs,
        ids,
      });
      emit(outcome.events);
      return view(customer);
    },
    revokeV1(appUserId: string, entitlement: string) {
      tick();
      const customer = promotionalCustomer(appUserId);
      emit(revokePromotionals(customer, entitlement, clock.now(), ids).events);
      return view(customer);
    },
    entitlementForV2(entitlementId: string) {
      return catalog.entitlementById(entitlementId);
    },
    customerV2(appUserId: string) {
      tick();
      const customer = customers.get(appUserId);
      return customer ? customerV2View(customer, settings.projectId, catalog, clock.now()) : undefined;
    },
    /** v2 grants "unless one already exists": an active grant of that entitlement blocks a new one. */
    grantV2(appUserId: string, lookupKey: string, expiresAtMs: number) {
      tick();
      const customer = customers.get(appUserId);
      if (!customer) return undefined;
      emit(
        grantPromotional(customer, {
          entitlement: lookupKey,
          endMs: expiresAtMs,
          durationLabel: 'custom',
          nowMs: clock.now(),
          duplicateWindowMs: settings.duplicateWindowMs,
          skipIfActive: true,
          ids,
        }).events,
      );
      return customerV2View(customer, settings.projectId, catalog, clock.now());
    },
    revokeV2(appUserId: string, lookupKey: string) {
      tick();
      const customer = customers.get(appUserId);
      if (!customer) return { customer: undefined, revoked: 0 };
      const { revoked, events } = revokePromotionals(customer, lookupKey, clock.now(), ids);
      emit(events);
      return {
        customer: customerV2View(customer, settings.projectId, catalog, clock.now()),
        revoked: revoked.length,
      };
    },
    entitlementsV2: () => entitlementListV2View(settings.projectId, catalog, createdAtMs),
    storeAction<Name extends StoreActionName>(name: Name, input: StoreActionInput<Name>): WebhookEvent[] {
      tick();
      return emit(storeActions[name](context(), input));
    },
    sendTestEvent: () => emit([testEvent({ appId: settings.appId, timestampMs: clock.now(), ids })]),
    advance(ms: number) {
      clock.advance(ms);
      return tick();
    },
    setClock(ms: number) {
      clock.set(ms);
      return tick();
    },
    customer: (appUserId: string) => customers.get(appUserId),
    subscriber(appUserId: string) {
      const customer = customers.get(appUserId);
      return customer ? view(customer) : undefined;
    },
    activeGrants: (customer: Customer) =>
      [...new Set(customer.grants.map((g) => g.entitlement))].flatMap((e) =>
        activeGrants(customer, e, clock.now()),
      ),
    reset() {
      customers.reset();
      webhooks.reset();
      clock.reset();
    },
  };
}

export type EmulatorService = ReturnType<typeof createEmulatorService>;

import type { Customer } from './types';

/** All emulated customers, by app user id. RevenueCat creates a customer the first time it hears of one. */
export interface CustomerStore {
  get(appUserId: string): Customer | undefined;
  getOrCreate(appUserId: string, nowMs: number): { customer: Customer; created: boolean };
  all(): Customer[];
  /** Makes `appUserId` another id of the customer (RevenueCat's alias), and the one events carry from now. */
  alias(customer: Customer, appUserId: string): void;
  reset(): void;
}

export function newCustomer(appUserId: string, nowMs: number): Customer {
  return {
    appUserId,
    originalAppUserId: appUserId,
    aliases: [],
    firstSeenMs: nowMs,
    lastSeenMs: nowMs,
    subscriptions: [],
    nonSubscriptions: [],
    grants: [],
  };
}

export function createCustomerStore(): CustomerStore {
  const customers = new Map<string, Customer>();
  return {
    get: (appUserId) => customers.get(appUserId),
    getOrCreate(appUserId, nowMs) {
      const existing = customers.get(appUserId);
      if (existing) return { customer: existing, created: false };
      const customer = newCustomer(appUserId, nowMs);
      customers.set(appUserId, customer);
      return { customer, created: true };
    },
    all: () => [...new Set(customers.values())],
    alias(customer, appUserId) {
      customers.set(appUserId, customer);
      customer.aliases = [...new Set([...customer.aliases, customer.originalAppUserId, appUserId])];
      customer.appUserId = appUserId;
    },
    reset: () => customers.clear(),
  };
}

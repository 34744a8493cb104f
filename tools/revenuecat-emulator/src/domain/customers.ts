import type { Customer } from './types';

/** All emulated customers, by app user id. RevenueCat creates a customer the first time it hears of one. */
export interface CustomerStore {
  get(appUserId: string): Customer | undefined;
  getOrCreate(appUserId: string, nowMs: number): { customer: Customer; created: boolean };
  /** Every customer; the caller may change any of them. */
  all(): Customer[];
  /** Makes `appUserId` another id of the customer (RevenueCat's alias), and the one events carry from now. */
  alias(customer: Customer, appUserId: string): void;
  reset(): void;
  /**
   * The customers handed out (and so possibly changed) since the last call, or `everyone` after `all()` or
   * `reset()`; starts over. Lets time pass look only at what an action can have changed (time-passing.ts).
   */
  takeTouched(): Customer[] | 'everyone';
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
  let touched: Set<Customer> | 'everyone' = 'everyone';
  const touch = (customer: Customer | undefined) => {
    if (customer && touched !== 'everyone') touched.add(customer);
    return customer;
  };
  return {
    get: (appUserId) => touch(customers.get(appUserId)),
    getOrCreate(appUserId, nowMs) {
      const existing = customers.get(appUserId);
      if (existing) return { customer: touch(existing)!, created: false };
      const customer = newCustomer(appUserId, nowMs);
      customers.set(appUserId, customer);
      return { customer: touch(customer)!, created: true };
    },
    all() {
      touched = 'everyone';
      return [...new Set(customers.values())];
    },
    alias(customer, appUserId) {
      touch(customer);
      customers.set(appUserId, customer);
      customer.aliases = [...new Set([...customer.aliases, customer.originalAppUserId, appUserId])];
      customer.appUserId = appUserId;
    },
    reset() {
      customers.clear();
      touched = 'everyone';
    },
    takeTouched() {
      const taken = touched === 'everyone' ? 'everyone' : [...touched];
      touched = new Set();
      return taken;
    },
  };
}

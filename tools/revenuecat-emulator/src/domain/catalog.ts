import { createHash } from 'node:crypto';
import { DAY_MS } from './types';

/** A team product as the services' catalog describes it (DESIGN §6). */
export interface TeamProductDefinition {
  productId: string;
  playProductId?: string | undefined;
  managementEntitlement: string;
  memberEntitlements: string[];
  seats: number;
  grantMode: 'period' | 'lifetime';
  shrinkPolicy: 'block' | 'remove-last-joined' | 'admin-choice';
  ownerTakesSeat?: boolean | undefined;
  periodDays?: number | undefined;
}

/** Emulator-only: a product that is not a team product (a personal subscription, a lifetime unlock). */
export interface StoreProductDefinition {
  productId: string;
  playProductId?: string | undefined;
  entitlements: string[];
  type: 'subscription' | 'non_renewing';
  /** Subscription period (default 30), or how long a non-renewing purchase lasts (absent: for life). */
  periodDays?: number | undefined;
  price?: number | undefined;
}

/** A seat pack (catalog seatPacks): a subscription with no entitlement of its own; teamseat counts its seats. */
export interface SeatPackDefinition {
  productId: string;
  playProductId?: string | undefined;
  addsSeatsTo: string;
  seats: number;
  periodDays?: number | undefined;
}

/** Emulator-only: the RevenueCat entitlement id (`entl…`) that API v2 uses for a lookup key. */
export interface EntitlementDefinitionInput {
  lookupKey: string;
  id?: string | undefined;
  displayName?: string | undefined;
}

export interface CatalogInput {
  products: TeamProductDefinition[];
  storeProducts?: StoreProductDefinition[] | undefined;
  seatPacks?: SeatPackDefinition[] | undefined;
  entitlements?: EntitlementDefinitionInput[] | undefined;
}

export interface CatalogProduct {
  productId: string;
  playProductId: string | null;
  entitlements: string[];
  type: 'subscription' | 'non_renewing';
  /** null only for a lifetime non-renewing product. */
  periodMs: number | null;
  price: number;
  team: TeamProductDefinition | null;
}

export interface EntitlementDefinition {
  id: string;
  lookupKey: string;
  displayName: string;
}

export interface EmulatorCatalog {
  products: CatalogProduct[];
  entitlements: EntitlementDefinition[];
  /** By catalog id or Play id. */
  findProduct(productId: string): CatalogProduct | undefined;
  entitlementById(id: string): EntitlementDefinition | undefined;
  entitlementByLookupKey(lookupKey: string): EntitlementDefinition | undefined;
}

const DEFAULT_PERIOD_DAYS = 30;

/** A stable v2 id for a lookup key, so restarts and tests agree without configuration. */
export function entitlementIdFor(lookupKey: string): string {
  return `entl${createHash('sha256').update(lookupKey).digest('hex').slice(0, 10)}`;
}

export function buildCatalog(input: CatalogInput): EmulatorCatalog {
  const products = new Map<string, CatalogProduct>();
  const add = (product: CatalogProduct) => {
    for (const id of [product.productId, product.playProductId]) {
      if (id === null) continue;
      if (products.has(id)) throw new Error(`catalog: product id ${id} appears twice`);
      products.set(id, product);
    }
  };
  for (const team of input.products) {
    add({
      productId: team.productId,
      playProductId: team.playProductId ?? null,
      entitlements: [team.managementEntitlement],
      type: 'subscription',
      periodMs: (team.periodDays ?? DEFAULT_PERIOD_DAYS) * DAY_MS,
      price: 29.99,
      team,
    });
  }
  for (const store of input.storeProducts ?? []) {
    add({
      productId: store.productId,
      playProductId: store.playProductId ?? null,
      entitlements: store.entitlements,
      type: store.type,
      periodMs:
        store.periodDays !== undefined
          ? store.periodDays * DAY_MS
          : store.type === 'subscription'
            ? DEFAULT_PERIOD_DAYS * DAY_MS
            : null,
      price: store.price ?? 9.99,
      team: null,
    });
  }
  for (const pack of input.seatPacks ?? []) {
    // RevenueCat reports a purchase of a product attached to no entitlement under subscriptions only.
    add({
      productId: pack.productId,
      playProductId: pack.playProductId ?? null,
      entitlements: [],
      type: 'subscription',
      periodMs: (pack.periodDays ?? DEFAULT_PERIOD_DAYS) * DAY_MS,
      price: 9.99,
      team: null,
    });
  }

  const lookupKeys = new Set<string>();
  for (const product of products.values()) product.entitlements.forEach((e) => lookupKeys.add(e));
  for (const team of input.products) team.memberEntitlements.forEach((e) => lookupKeys.add(e));
  const explicit = new Map((input.entitlements ?? []).map((e) => [e.lookupKey, e]));
  explicit.forEach((_, key) => lookupKeys.add(key));
  const entitlements = [...lookupKeys].sort().map((lookupKey) => ({
    lookupKey,
    id: explicit.get(lookupKey)?.id ?? entitlementIdFor(lookupKey),
    displayName: explicit.get(lookupKey)?.displayName ?? lookupKey,
  }));

  const unique = [...new Set(products.values())];
  return {
    products: unique,
    entitlements,
    findProduct: (productId) => products.get(productId),
    entitlementById: (id) => entitlements.find((e) => e.id === id),
    entitlementByLookupKey: (key) => entitlements.find((e) => e.lookupKey === key),
  };
}

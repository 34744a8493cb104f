import { readFileSync } from 'node:fs';
import { AppError } from '@teamseat/errors';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { nonEmptyString } from './envelope';
import { grantModeSchema, shrinkPolicySchema } from './team-events';
import { parseOrThrow } from './validation';

// The catalog (CATALOG_FILE, DESIGN §6) says which store products are team products and how their
// seats behave. Objects are strict: a misspelt key in a config file is an error, not a silent default.

/** ADR 0030: covers Apple's 60-day billing retry, Play's account hold and a Play pause of up to 3 months. */
export const DEFAULT_ROSTER_RETENTION_DAYS = 90;

const playProductId = z.string().regex(/^[^:\s]+:[^:\s]+$/, 'must be the Play form "subscription:base-plan"');

export const teamProductSchema = z
  .object({
    /** The store product id (App Store id, Play subscription id, ...). */
    productId: nonEmptyString,
    /** The Play `subscription:base-plan` form RevenueCat may send instead. */
    playProductId: playProductId.optional(),
    /** The entitlement the purchase gives its buyer; it marks the team's owner. */
    managementEntitlement: nonEmptyString,
    /**
     * The store subscription group (App Store group; on Play, the products one can change between). One
     * subscription is one team: products of one group are tiers of one team (a product change keeps it),
     * products of different groups give a manager one team each. Default: the management entitlement, so
     * all of a line's products are tiers of one team (ADR 0030).
     */
    subscriptionGroup: nonEmptyString.optional(),
    /** Entitlements each seat holder receives as promotional grants. */
    memberEntitlements: z.array(nonEmptyString).min(1),
    seats: z.number().int().min(1).max(100_000),
    grantMode: grantModeSchema,
    shrinkPolicy: shrinkPolicySchema,
    ownerTakesSeat: z.boolean().default(false),
    /** admin-choice: hours the owner has to pick whom to remove before the last joined go. */
    adminChoiceGraceHours: z.number().int().min(1).max(2_160).default(72),
    /**
     * An expiry keeps the roster as suspended members this long (from the period end); a subscription back
     * within it restores them, after it they are removed. 0 removes them at expiry (ADR 0030).
     */
    rosterRetentionDays: z.number().int().min(0).max(3_660).default(DEFAULT_ROSTER_RETENTION_DAYS),
    /** Grants run this long past the period end, so a late renewal webhook does not cut access. */
    grantBufferHours: z.number().int().min(0).max(720).default(24),
    /** Emulator only: the subscription period it sells (default 30). */
    periodDays: z.number().int().min(1).max(3_660).optional(),
  })
  .strict()
  .superRefine((product, ctx) => {
    if (product.memberEntitlements.includes(product.managementEntitlement)) {
      ctx.addIssue({
        code: 'custom',
        path: ['memberEntitlements'],
        message: `must not include the management entitlement "${product.managementEntitlement}"`,
      });
    }
  });

/** Emulator only: products that are not team products (personal subscriptions, one-off unlocks). */
export const storeProductSchema = z
  .object({
    productId: nonEmptyString,
    playProductId: playProductId.optional(),
    entitlements: z.array(nonEmptyString).min(1),
    type: z.enum(['subscription', 'non_renewing']),
    /** Subscription period, or how long a non-renewing purchase lasts (absent: 30 days / for life). */
    periodDays: z.number().int().min(1).max(3_660).optional(),
    price: z.number().nonnegative().optional(),
  })
  .strict();

/**
 * A seat pack: a store subscription that, while it runs, adds `seats` to its buyer's team of the line
 * `addsSeatsTo` (a management entitlement), in the subscription group `teamGroup` (default: the line's default
 * group). It funds no team of its own: bought before the team exists, it counts once the team does; it counts
 * nothing while the team is expired (ADR 0038).
 */
export const seatPackSchema = z
  .object({
    productId: nonEmptyString,
    playProductId: playProductId.optional(),
    /** The management entitlement of the team line the pack adds seats to. */
    addsSeatsTo: nonEmptyString,
    /** The subscription group of the team the seats go to (default: the management entitlement). */
    teamGroup: nonEmptyString.optional(),
    seats: z.number().int().min(1).max(100_000),
    /** Emulator only: the subscription period it sells (default 30). */
    periodDays: z.number().int().min(1).max(3_660).optional(),
  })
  .strict();

/** Emulator only: the RevenueCat v2 entitlement id (`entl...`) behind a lookup key. */
export const entitlementDefinitionSchema = z
  .object({ lookupKey: nonEmptyString, id: nonEmptyString.optional(), displayName: z.string().optional() })
  .strict();

export const catalogSchema = z
  .object({
    products: z.array(teamProductSchema),
    storeProducts: z.array(storeProductSchema).default([]),
    seatPacks: z.array(seatPackSchema).default([]),
    entitlements: z.array(entitlementDefinitionSchema).default([]),
  })
  .strict()
  .superRefine((catalog, ctx) => {
    // Every id a purchase may be reported under must lead to one product. v1 may report a Play
    // purchase under the bare subscription id, so two base plans of one Play subscription cannot be
    // told apart there: each product needs its own Play subscription.
    const seen = new Map<string, { owner: string; field: string }>();
    const claimAll = (
      list: 'products' | 'storeProducts' | 'seatPacks',
      index: number,
      product: ProductIds,
    ) => {
      const owner = `${list}.${index}`;
      for (const [id, field] of idsOf(product)) {
        const first = seen.get(id);
        if (first === undefined) seen.set(id, { owner, field });
        else if (first.owner !== owner) {
          const message = `product id "${id}" already used by ${first.owner}.${first.field}`;
          ctx.addIssue({ code: 'custom', path: [list, index, field], message });
        }
      }
    };
    catalog.products.forEach((p, i) => claimAll('products', i, p));
    // A subscription group belongs to one line: its products are tiers of one team.
    const lineOfGroup = new Map<string, string>();
    catalog.products.forEach((p, i) => {
      const group = p.subscriptionGroup ?? p.managementEntitlement;
      const line = lineOfGroup.get(group);
      if (line === undefined) lineOfGroup.set(group, p.managementEntitlement);
      else if (line !== p.managementEntitlement) {
        const message = `subscription group "${group}" already belongs to management entitlement "${line}"`;
        ctx.addIssue({ code: 'custom', path: ['products', i, 'subscriptionGroup'], message });
      }
    });
    catalog.storeProducts.forEach((p, i) => claimAll('storeProducts', i, p));
    catalog.seatPacks.forEach((p, i) => claimAll('seatPacks', i, p));
    // A pack adds seats to a team: its line and group must be one the catalog sells.
    catalog.seatPacks.forEach((pack, i) => {
      const group = pack.teamGroup ?? pack.addsSeatsTo;
      if (!catalog.products.some((p) => p.managementEntitlement === pack.addsSeatsTo)) {
        const message = `names no management entitlement of the catalog's products ("${pack.addsSeatsTo}")`;
        ctx.addIssue({ code: 'custom', path: ['seatPacks', i, 'addsSeatsTo'], message });
      } else if (lineOfGroup.get(group) !== pack.addsSeatsTo) {
        const message = `"${group}" is no subscription group of management entitlement "${pack.addsSeatsTo}"`;
        ctx.addIssue({ code: 'custom', path: ['seatPacks', i, 'teamGroup'], message });
      }
    });
  });

interface ProductIds {
  productId: string;
  playProductId?: string | undefined;
}

/** The ids a purchase of the product may be reported under, with the catalog field each comes from. */
function idsOf(product: ProductIds): [id: string, field: 'productId' | 'playProductId'][] {
  if (product.playProductId === undefined) return [[product.productId, 'productId']];
  const bare = product.playProductId.slice(0, product.playProductId.indexOf(':'));
  return [
    [product.productId, 'productId'],
    [product.playProductId, 'playProductId'],
    [bare, 'playProductId'],
  ];
}

export type TeamProduct = z.infer<typeof teamProductSchema>;
export type StoreProduct = z.infer<typeof storeProductSchema>;
export type SeatPack = z.infer<typeof seatPackSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogInput = z.input<typeof catalogSchema>;

/** Validates a parsed catalog; throws AppError INVALID_ARGUMENT (reason INVALID_CATALOG) naming each field. */
export function parseCatalog(value: unknown, source = 'catalog'): Catalog {
  return parseOrThrow(catalogSchema, value, { what: source, reason: 'INVALID_CATALOG' });
}

/** Reads a YAML or JSON catalog file (YAML 1.2 reads JSON too) and validates it. */
export function loadCatalogFile(path: string): Catalog {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw catalogError(
      `catalog ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`,
      error,
    );
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw catalogError(`catalog ${path}: is not valid YAML or JSON: ${(error as Error).message}`, error);
  }
  return parseCatalog(value, `catalog ${path}`);
}

function catalogError(message: string, cause: unknown): AppError {
  return new AppError('INVALID_ARGUMENT', message, { reason: 'INVALID_CATALOG', cause });
}

/**
 * The team product a store product id belongs to: by its id, by its declared Play form or that form's
 * bare subscription id (v1 keys Play subscriptions by it), or, for a product that declares no Play
 * form, by `<productId>:<any base plan>`.
 */
export function findTeamProduct(
  catalog: Pick<Catalog, 'products'>,
  productId: string,
): TeamProduct | undefined {
  const known = catalog.products.find((p) => idsOf(p).some(([id]) => id === productId));
  if (known !== undefined) return known;
  const colon = productId.indexOf(':');
  if (colon <= 0) return undefined;
  const subscriptionId = productId.slice(0, colon);
  return catalog.products.find((p) => p.playProductId === undefined && p.productId === subscriptionId);
}

/** The seat pack a store product id belongs to (same id forms as findTeamProduct). */
export function findSeatPack(catalog: Pick<Catalog, 'seatPacks'>, productId: string): SeatPack | undefined {
  return catalog.seatPacks.find((p) => idsOf(p).some(([id]) => id === productId));
}

/** A team product from the catalog (CATALOG_FILE), as the domain needs it. */
export interface TeamProduct {
  /** Store product id (App Store form). */
  productId: string;
  /** Play `subscription:base-plan` form, when the product is sold on Play. */
  playProductId?: string | undefined;
  managementEntitlement: string;
  /** The store subscription group: one subscription (group) is one team (default: the management entitlement). */
  subscriptionGroup?: string | undefined;
  memberEntitlements: string[];
  seats: number;
  grantMode: 'period' | 'lifetime';
  shrinkPolicy: 'block' | 'remove-last-joined' | 'admin-choice';
  ownerTakesSeat: boolean;
  adminChoiceGraceHours?: number | undefined;
  /** Days an expiry keeps the roster suspended (catalog default 90, ADR 0030). */
  rosterRetentionDays?: number | undefined;
  /** How long members' grants run past the period end (catalog default 24). */
  grantBufferHours?: number | undefined;
}

/**
 * Every id under which RevenueCat may report a purchase of the product: the store id, the Play
 * `subscription:base-plan` id, and the bare Play subscription id (v1 keys Play subscriptions by it).
 */
export function productIdsOf(product: Pick<TeamProduct, 'productId' | 'playProductId'>): string[] {
  const ids = [product.productId];
  if (product.playProductId) {
    ids.push(product.playProductId);
    const bare = product.playProductId.split(':')[0];
    if (bare) ids.push(bare);
  }
  return [...new Set(ids)];
}

/** The team a product's purchase funds, per subscriber: one per (management entitlement, group). */
export function teamLineOf(product: TeamProduct): string {
  const group = product.subscriptionGroup ?? product.managementEntitlement;
  // The default group is named by the entitlement alone: customers stored before groups keep their lines.
  return group === product.managementEntitlement
    ? product.managementEntitlement
    : `${product.managementEntitlement}/${group}`;
}

export function findTeamProduct(
  products: readonly TeamProduct[],
  productId: string,
): TeamProduct | undefined {
  return products.find((product) => productIdsOf(product).includes(productId));
}

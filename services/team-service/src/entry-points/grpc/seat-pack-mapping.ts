import { findSeatPack, type Catalog } from '@teamseat/contracts';
import { invalidArgument } from '@teamseat/errors';
import type { ApplySubscriptionStateRequest__Output } from '@teamseat/grpc';
import type { SeatPack, SeatSource } from '../../domain/seat-sources';
import type { TeamLine } from '../../domain/team';
import { MAX_SEAT_LIMIT, requireId, requireInteger } from './validation';

/**
 * ApplySubscriptionState's `seat_packs`. With a catalog, each must be a seat pack of the team's line and
 * group, one per product; without one, any product id and seat count is taken (ADR 0038).
 */
export function seatPacksOf(
  packs: ApplySubscriptionStateRequest__Output['seatPacks'] | undefined,
  line: TeamLine,
  catalog: Catalog | null,
): SeatPack[] {
  const seen = new Set<string>();
  return (packs ?? []).map((pack, i) => {
    const productId = requireId(`seat_packs[${i}].product_id`, pack.productId);
    const seats = requireInteger(`seat_packs[${i}].seats`, pack.seats, 1, MAX_SEAT_LIMIT);
    if (seen.has(productId)) throw invalidArgument(`seat_packs[${i}].product_id`, `repeats ${productId}`);
    seen.add(productId);
    if (catalog) {
      const known = findSeatPack(catalog, productId);
      const fits =
        known !== undefined &&
        known.addsSeatsTo === line.managementEntitlement &&
        (known.teamGroup ?? known.addsSeatsTo) === line.subscriptionGroup;
      if (!fits) {
        throw invalidArgument(
          `seat_packs[${i}].product_id`,
          `is not a seat pack of ${line.managementEntitlement} (group ${line.subscriptionGroup}) in the catalog`,
        );
      }
    }
    return { productId, seats };
  });
}

const KIND_OUT = { plan: 'SEAT_SOURCE_KIND_PLAN', pack: 'SEAT_SOURCE_KIND_PACK' } as const;

export function seatSourceOut(source: SeatSource) {
  return { kind: KIND_OUT[source.kind], productId: source.productId, seats: source.seats };
}

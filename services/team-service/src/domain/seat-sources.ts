import type { SeatPack, Team } from './team';

export type { SeatPack };

/** Where a team's seats come from, as GetSeatUsage shows them. */
export interface SeatSource {
  kind: 'plan' | 'pack';
  productId: string;
  seats: number;
}

/** One entry per pack product, in product order: the same packs always read the same. */
export function normalizePacks(packs: readonly SeatPack[]): SeatPack[] {
  const byProduct = new Map(packs.map((pack) => [pack.productId, pack.seats]));
  return [...byProduct.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([productId, seats]) => ({ productId, seats }));
}

export const packSeatsOf = (packs: readonly SeatPack[]) => packs.reduce((sum, pack) => sum + pack.seats, 0);

/**
 * The team's seat limit: the plan's seats and every running pack's, or 0 while the team is expired: a pack
 * funds no team, it only adds to a running one.
 */
export function seatLimitOf(planSeats: number, packs: readonly SeatPack[], expired: boolean): number {
  return expired ? 0 : planSeats + packSeatsOf(packs);
}

export function samePacks(a: readonly SeatPack[], b: readonly SeatPack[]): boolean {
  return (
    a.length === b.length &&
    a.every((pack, i) => pack.productId === b[i]?.productId && pack.seats === b[i]?.seats)
  );
}

/** The plan's seats first, then each pack's; nothing while expired (the seat limit is 0). */
export function seatSourcesOf(team: Team): SeatSource[] {
  if (team.status === 'expired') return [];
  const packs = team.seatPacks.map((pack): SeatSource => ({ kind: 'pack', ...pack }));
  const plan: SeatSource = {
    kind: 'plan',
    productId: team.productId,
    seats: team.seatLimit - packSeatsOf(team.seatPacks),
  };
  return [plan, ...packs];
}

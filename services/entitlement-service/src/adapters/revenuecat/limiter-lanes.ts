/**
 * Who is waiting for a RevenueCat call, by lane (ADR 0022):
 * - `revoke`: taking access away; always served first, so a revoke never waits behind anything else.
 * - `background`: work driven by Kafka and the sweep (webhooks, grant terms, grants).
 * - `on-demand`: SyncCustomer, asked for by apps. While background work also waits, on-demand calls get at
 *   most `onDemandShare` of the starts, so a flood of logins cannot starve the webhook pipeline; alone, they
 *   get the whole rate.
 */
export type Lane = 'revoke' | 'background' | 'on-demand';

export const LANES: readonly Lane[] = ['revoke', 'background', 'on-demand'];

export interface LaneQueues<T> {
  push(lane: Lane, item: T): void;
  /** Takes the item out wherever it is (it gave up or timed out); false when it had already left. */
  remove(lane: Lane, item: T): boolean;
  /** The next item to start, by priority and share; undefined when nothing waits. */
  next(): T | undefined;
  size(lane?: Lane): number;
  drain(): T[];
}

export function createLaneQueues<T>(onDemandShare: number): LaneQueues<T> {
  if (!(onDemandShare >= 0 && onDemandShare < 1)) throw new Error('onDemandShare must be in [0, 1)');
  const queues: Record<Lane, T[]> = { revoke: [], background: [], 'on-demand': [] };
  // On-demand credit earned for each background start while both wait: one on-demand start per whole credit.
  const creditPerBackground = onDemandShare / (1 - onDemandShare);
  let credit = 0;

  function pick(): Lane | undefined {
    if (queues.revoke.length > 0) return 'revoke';
    const background = queues.background.length > 0;
    const onDemand = queues['on-demand'].length > 0;
    if (background && onDemand) {
      if (credit >= 1) {
        credit -= 1;
        return 'on-demand';
      }
      credit = Math.min(1, credit + creditPerBackground);
      return 'background';
    }
    credit = 0;
    if (background) return 'background';
    return onDemand ? 'on-demand' : undefined;
  }

  return {
    push: (lane, item) => void queues[lane].push(item),
    remove(lane, item) {
      const index = queues[lane].indexOf(item);
      if (index === -1) return false;
      queues[lane].splice(index, 1);
      return true;
    },
    next() {
      const lane = pick();
      return lane === undefined ? undefined : queues[lane].shift();
    },
    size: (lane) =>
      lane === undefined ? LANES.reduce((sum, each) => sum + queues[each].length, 0) : queues[lane].length,
    drain: () => LANES.flatMap((lane) => queues[lane].splice(0)),
  };
}

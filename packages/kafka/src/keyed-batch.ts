import type { ReceivedMessage } from './received-message';
import { createSlots } from './slots';
import type { StepOutcome } from './step-outcome';

/** What a partition remembers from one batch to the next (ADR 0027). */
export interface PartitionLanes {
  /**
   * Offsets finished past the commit point (an earlier message of another key is unfinished): kafkajs
   * fetches the partition again from the commit point, and these are passed over instead of redone.
   */
  readonly done: Set<string>;
  /** Keys whose message is backing off, with when it is due: that message and the key's later ones wait. */
  readonly held: Map<string, number>;
}

export const emptyLanes = (): PartitionLanes => ({ done: new Set(), held: new Map() });

export interface BatchResult {
  /** Last offset of the batch's unbroken run of finished messages, from its start: the new commit point. */
  resolvedThrough?: string;
  /** How long the partition should sleep before it is fetched again (nothing here can start sooner). */
  pauseMs?: number;
}

/** Messages without a key share one lane, so they stay in order among themselves. */
const laneOf = (message: ReceivedMessage): string =>
  message.key === null ? '\u0000no-key' : `k${message.key}`;

/**
 * Runs one fetched batch of a partition: messages of different keys at once, at most `keysInFlight`, those
 * of one key strictly in offset order. A held message stops its key for this batch (and, by `lanes.held`,
 * until it is due); the other keys go on. Starts stop when `canStart` turns false (stopping, rebalance) or
 * a step asks the partition to wait; what is in flight is awaited, never cut off. The commit point only
 * moves over finished messages, so whatever was not finished is fetched again, or redone after a restart.
 */
export async function runKeyedBatch({
  messages,
  lanes,
  step,
  keysInFlight,
  canStart,
  afterDone,
  idlePollMs,
  now,
}: {
  messages: ReceivedMessage[];
  lanes: PartitionLanes;
  step: (message: ReceivedMessage) => Promise<StepOutcome>;
  keysInFlight: number;
  canStart: () => boolean;
  /** After each finished message (a heartbeat). */
  afterDone: () => Promise<void>;
  /** Longest sleep of a partition with only held keys: messages of other keys may arrive meanwhile. */
  idlePollMs: number;
  now: () => number;
}): Promise<BatchResult> {
  const slots = createSlots(keysInFlight);
  const tails = new Map<string, Promise<boolean>>();
  let waitMs: number | undefined;
  let started = 0;
  const mayStart = () => waitMs === undefined && canStart();

  /** Resolves true when the message finished, so the key's next message may go. */
  async function run(message: ReceivedMessage, lane: string, previous?: Promise<boolean>): Promise<boolean> {
    if (previous && !(await previous)) return false;
    await slots.acquire();
    try {
      if (!mayStart()) return false;
      started += 1;
      const outcome = await step(message);
      if (outcome.kind === 'done') {
        lanes.done.add(message.offset);
        lanes.held.delete(lane);
        await afterDone();
        return true;
      }
      if (outcome.kind === 'hold') lanes.held.set(lane, now() + outcome.delayMs);
      else waitMs = Math.min(waitMs ?? Infinity, outcome.delayMs);
      return false;
    } finally {
      slots.release();
    }
  }

  const blocked = new Set<string>();
  for (const message of messages) {
    if (lanes.done.has(message.offset)) continue;
    const lane = laneOf(message);
    if (blocked.has(lane)) continue;
    const previous = tails.get(lane);
    if (!previous && (lanes.held.get(lane) ?? 0) > now()) {
      blocked.add(lane);
      continue;
    }
    tails.set(lane, run(message, lane, previous));
  }
  await Promise.all(tails.values());

  let resolvedThrough: string | undefined;
  for (const message of messages) {
    if (!lanes.done.delete(message.offset)) break;
    resolvedThrough = message.offset;
  }
  return { resolvedThrough, pauseMs: waitMs ?? idlePause() };

  /** Nothing could start (all finished or backing off): sleep until the first is due, or a poll's length. */
  function idlePause(): number | undefined {
    if (started > 0 || lanes.held.size === 0 || !canStart()) return undefined;
    const firstDue = Math.min(...lanes.held.values());
    return Math.max(0, Math.min(firstDue - now(), idlePollMs));
  }
}

import { createHash } from 'node:crypto';
import type { Logger } from '@teamseat/logger';
import { isDuplicateKey } from './database-errors';
import type { LeaseDocument, RelayDocument, TeamModels } from './models';

/** The slot of a team: teams are spread over a fixed number of slots, each published by one relay. */
export function slotOf(teamId: string, slots: number): number {
  return createHash('sha1').update(teamId).digest().readUInt32BE(0) % slots;
}

export interface SlotLeases {
  /**
   * Renews the slots held, claims free or expired ones up to a fair share and releases what is above it
   * (never a slot `busy` says has a round in flight).
   */
  refresh(busy?: (slot: number) => boolean): Promise<void>;
  /** The epoch under which this relay holds the slot now, or null. */
  heldEpoch(slot: number): number | null;
  /** Gives every slot up (shutdown, after the last round): another relay takes over at once. */
  releaseAll(): Promise<void>;
  readonly owner: string;
}

const leaseId = (slot: number, epoch: number) => `${slot}/${String(epoch).padStart(10, '0')}`;

/**
 * Slot leases on insert-only fencing (ADR 0024). A slot's leases are documents `<slot>/<epoch>`; taking
 * a slot is inserting the next epoch, which of two relays only one can do (a unique `_id`), and only
 * once the current lease has expired or was released. A lease document is updated only by its owner
 * (renewal, release), so FerretDB's non-atomic updates never meet a second writer. The holder stops
 * publishing a `margin` before its lease ends; a relay that stalls longer than that loses the slot, and
 * only then may the new holder publish again what the stalled one had sent but not marked.
 *
 * Fair share: each relay keeps a small "alive until" document; a relay claims at most
 * ceil(slots / live relays) and releases what it holds above that (never mid-round), so replicas started
 * one after another share the work within a few lease periods.
 */
export function createSlotLeases({
  models,
  owner,
  slots,
  leaseMs,
  now = () => new Date(),
  logger,
}: {
  models: TeamModels;
  owner: string;
  slots: number;
  leaseMs: number;
  now?: () => Date;
  logger: Logger;
}): SlotLeases {
  const log = logger.child({ module: 'outbox-leases', owner });
  const margin = Math.max(500, Math.floor(leaseMs / 4));
  /** slot → the newest epoch seen (reading starts there). */
  const newest = new Map<number, number>();
  /** slot → the lease this relay holds. */
  const held = new Map<number, { epoch: number; until: number }>();

  async function lease(slot: number, epoch: number): Promise<LeaseDocument | null> {
    return models.leases
      .findOne({ _id: leaseId(slot, epoch) })
      .lean<LeaseDocument>()
      .exec();
  }

  /** The slot's newest lease: from the newest epoch known, forward until a miss. */
  async function latest(slot: number): Promise<LeaseDocument | null> {
    let epoch = newest.get(slot) ?? 0;
    let found = epoch > 0 ? await lease(slot, epoch) : null;
    for (;;) {
      const next = await lease(slot, epoch + 1);
      if (!next) break;
      found = next;
      epoch += 1;
    }
    newest.set(slot, epoch);
    return found;
  }

  async function claim(slot: number, epoch: number, at: number): Promise<void> {
    try {
      await models.leases.create({
        _id: leaseId(slot, epoch),
        slot,
        epoch,
        owner,
        until: new Date(at + leaseMs),
      });
      held.set(slot, { epoch, until: at + leaseMs });
      newest.set(slot, epoch);
      log.info({ slot, epoch }, 'outbox slot taken');
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async function release(slot: number): Promise<void> {
    const mine = held.get(slot);
    if (!mine) return;
    held.delete(slot);
    await models.leases.updateOne(
      { _id: leaseId(slot, mine.epoch), owner },
      { $set: { until: new Date(0) } },
      { runValidators: true },
    );
    log.info({ slot, epoch: mine.epoch }, 'outbox slot released');
  }

  return {
    owner,

    heldEpoch(slot) {
      const mine = held.get(slot);
      return mine && mine.until - margin > now().getTime() ? mine.epoch : null;
    },

    async refresh(busy = () => false) {
      const at = now().getTime();
      await models.relays.updateOne(
        { _id: owner },
        { $set: { until: new Date(at + leaseMs) } },
        { upsert: true, runValidators: true },
      );
      const relays = await models.relays
        .find({ until: { $gt: new Date(at) } })
        .lean<RelayDocument[]>()
        .exec();
      const current = await Promise.all(Array.from({ length: slots }, (_, slot) => latest(slot)));
      const live = new Set([owner, ...relays.map((relay) => relay._id)]);
      const fair = Math.ceil(slots / live.size);
      let holding = 0;
      for (const [slot, doc] of current.entries()) {
        const mine = held.get(slot);
        if (mine && (!doc || doc.epoch !== mine.epoch || mine.until <= at)) {
          held.delete(slot); // taken over, or expired before it could be renewed
          log.warn({ slot, epoch: mine.epoch }, 'outbox slot lost');
        } else if (mine) {
          // Late (inside the margin) is still ours: nobody may claim a slot before its lease ends. Only a
          // renewal that lands after the end is checked for a successor that claimed it meanwhile.
          await models.leases.updateOne(
            { _id: leaseId(slot, mine.epoch), owner },
            { $set: { until: new Date(at + leaseMs) } },
            { runValidators: true },
          );
          if (now().getTime() >= mine.until && (await lease(slot, mine.epoch + 1))) {
            held.delete(slot);
            log.warn({ slot, epoch: mine.epoch }, 'outbox slot lost');
            continue;
          }
          held.set(slot, { epoch: mine.epoch, until: at + leaseMs });
          holding += 1;
        }
      }
      for (const [slot, doc] of current.entries()) {
        if (holding >= fair) break;
        if (held.has(slot) || (doc && doc.until.getTime() > at)) continue;
        await claim(slot, (doc?.epoch ?? 0) + 1, at);
        if (held.has(slot)) holding += 1;
      }
      const extra = [...held.keys()].filter((slot) => !busy(slot)).slice(0, Math.max(0, held.size - fair));
      for (const slot of extra) await release(slot);
    },

    async releaseAll() {
      for (const slot of [...held.keys()]) await release(slot).catch(() => undefined);
      await models.relays.deleteOne({ _id: owner }).catch(() => undefined);
    },
  };
}

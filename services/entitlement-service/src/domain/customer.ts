import type { GrantRecord } from './grant-record';
import type { Subscriber } from './subscriber';
import type { TeamTerms } from './team-terms';

/**
 * What this service keeps per app user id (DESIGN §3): the latest subscriber snapshot fetched from
 * RevenueCat, the watermark, the team lines the user bought, the newest grant terms per team and the user's
 * rows of the grant ledger. One record per user, so a reconciled user is one read and one write (ADR 0005).
 */
export interface CustomerRecord {
  userId: string;
  snapshot: Subscriber | undefined;
  /** RevenueCat request date of the stored snapshot (0 when none). */
  fetchedAtMs: number | undefined;
  /** The watermark: request date of the last snapshot whose handling finished (domain/watermark.ts). */
  settledAtMs: number | undefined;
  /** Wall time of the last snapshot store. */
  syncedAt: Date | undefined;
  /** Team lines (teamLineOf: the management entitlement, with the group when not the default) applied for this user as subscriber. */
  teamLines: string[];
  /** RevenueCat time after which the sweep re-checks the user's teams (just past the earliest period end). */
  nextTeamCheckAtMs: number | undefined;
  /** The user's rows of the grant ledger. */
  grants: GrantRecord[];
  /** Per team, the newest grant terms a fact from team-service gave (what the ledger's rows are computed from). */
  teamTerms: TeamTerms[];
  /** True while the user is in the retry queue (so clearing it costs nothing when it is not). */
  retryQueued: boolean;
  /**
   * How many writes the stored record has had, so a reader can ask whether it changed without reading it
   * all (`revisionOf`). Undefined when not known: a record computed by `mergePatch`, or one written before
   * revisions existed.
   */
  revision: number | undefined;
}

/** One write to a customer record; every field is optional, absent ones stay as they are. */
export interface CustomerPatch {
  /** The caller stores only a snapshot not older (RevenueCat clock) than the stored one. */
  snapshot?: Subscriber | undefined;
  /** Moves the watermark forward, never back. */
  settledAtMs?: number | undefined;
  addTeamLines?: readonly string[] | undefined;
  /** null removes it. */
  nextTeamCheckAtMs?: number | null | undefined;
  /** Replaces the user's ledger rows. */
  grants?: readonly GrantRecord[] | undefined;
  /** Replaces the user's per-team grant terms. */
  teamTerms?: readonly TeamTerms[] | undefined;
  retryQueued?: boolean | undefined;
}

/**
 * The record as it is after `patch` (for the write-through cache), computed without a read. `revision` is
 * what the write answered; the result carries it only when it is the next after `record`'s, i.e. no other
 * write came between the read of `record` and this one (otherwise the merge may miss that write). `nowMs`
 * is the wall time the write stored as `syncedAt` with a snapshot.
 */
export function mergePatch(
  userId: string,
  record: CustomerRecord | undefined,
  patch: CustomerPatch,
  revision: number | undefined,
  nowMs: number,
): CustomerRecord {
  const base: CustomerRecord = record ?? {
    userId,
    snapshot: undefined,
    fetchedAtMs: undefined,
    settledAtMs: undefined,
    syncedAt: undefined,
    teamLines: [],
    nextTeamCheckAtMs: undefined,
    grants: [],
    teamTerms: [],
    retryQueued: false,
    revision: undefined,
  };
  return {
    ...base,
    ...(patch.snapshot
      ? { snapshot: patch.snapshot, fetchedAtMs: patch.snapshot.requestDateMs, syncedAt: new Date(nowMs) }
      : {}),
    settledAtMs:
      patch.settledAtMs === undefined
        ? base.settledAtMs
        : Math.max(base.settledAtMs ?? -Infinity, patch.settledAtMs),
    teamLines: [...new Set([...base.teamLines, ...(patch.addTeamLines ?? [])])],
    nextTeamCheckAtMs:
      patch.nextTeamCheckAtMs === null ? undefined : (patch.nextTeamCheckAtMs ?? base.nextTeamCheckAtMs),
    grants: patch.grants ? [...patch.grants] : base.grants,
    teamTerms: patch.teamTerms ? [...patch.teamTerms] : base.teamTerms,
    retryQueued: patch.retryQueued ?? base.retryQueued,
    revision: revision !== undefined && revision === (record?.revision ?? 0) + 1 ? revision : undefined,
  };
}

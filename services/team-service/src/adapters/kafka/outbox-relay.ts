import {
  buildEnvelope,
  cloudEventKafkaHeaders,
  EVENT_SOURCES,
  encodeStoredTeamEvent,
} from '@teamseat/contracts';
import type { BatchingProducer, OutgoingMessage } from '@teamseat/kafka';
import type { Logger } from '@teamseat/logger';
import { memberGrantOf, usersInScope, type GrantScope } from '../../domain/member-grants';
import type { TeamViews } from '../../application/ports';
import type { Team } from '../../domain/team';
import { slotOf, type SlotLeases } from '../database/outbox-leases';
import type { OutboxStore, PendingMark } from '../database/outbox-store';
import { storedEvents, type LogEntryDocument } from '../database/team-log';
import { grantFactMessage } from './grant-facts';
import type { RelayMetrics } from './relay-metrics';

/** Who caused each user's fact: the command about that user, else the entry's (last) cause. */
interface FactCauses {
  byUser: Map<string, string>;
  entry: string | undefined;
}

export interface OutboxRelay {
  /** A team has new events: publish them soon. Called by the command path after each write. */
  wake(teamId: string): void;
  /** Takes its slots (first lease round), then publishes. */
  start(): Promise<void>;
  /** Stops polling, publishes what is pending (up to the timeout), then returns. */
  stop(drainTimeoutMs?: number): Promise<void>;
  /** Resolves once nothing is queued or in flight (tests, shutdown). */
  idle(): Promise<void>;
}

export interface RelayHooks {
  /** Runs before each slice of a team's grant facts is sent, once their users' views are refreshed (tests). */
  beforeSend?: (teamId: string, slice: { userIds: string[] }) => Promise<void> | void;
  /** Runs after Kafka acknowledged a team's events and before they are marked sent (crash tests). */
  afterPublish?: (teamId: string, eventIds: string[]) => Promise<void> | void;
}

/**
 * Publishes the team log (ADR 0024): per team, the entries after the last published version, in version
 * order, as one grant-terms fact per user the entries name to `grantsTopic` (keyed by user id, derived
 * from the team as read, ADR 0016), then the events to `topic` (keyed by team id); then it records the
 * published version and removes the entries' pending markers. Teams are spread over slots; a relay works
 * only on the teams of the slots it holds a lease on (outbox-leases.ts), so two live relays never publish
 * the same entries, and a killed relay's slots are taken over once its leases expire (the new holder
 * publishes again what was sent but not recorded, with the same event ids). Before each slice of
 * `sliceUsers` facts it refreshes those users' listing views from the same team. Woken by this process's
 * writes; a poll of the (small) pending markers finds the rest: other replicas' writes, a crash, a Kafka
 * outage (failed rounds are retried with growing delay). Many teams at once, one team never twice at once.
 */
export function createOutboxRelay({
  store,
  leases,
  slots,
  loadTeam,
  views,
  producer,
  topic,
  grantsTopic,
  logger,
  metrics,
  concurrency = 16,
  maxEventsPerRound = 500,
  pollIntervalMs = 1_000,
  leaseRefreshMs = 3_000,
  retryDelayMs = 500,
  lingerMs = 5,
  sliceUsers = 100,
  orphanMs = 10 * 60_000,
  hooks = {},
}: {
  store: OutboxStore;
  leases: SlotLeases;
  /** How many slots teams are spread over: the same in every replica. */
  slots: number;
  loadTeam: (teamId: string) => Promise<Team | null>;
  views: Pick<TeamViews, 'refresh'>;
  producer: BatchingProducer;
  /** Team events, keyed by team id. */
  topic: string;
  /** Grant-terms facts, keyed by user id. */
  grantsTopic: string;
  logger: Logger;
  metrics?: RelayMetrics;
  concurrency?: number;
  maxEventsPerRound?: number;
  /** How often the pending markers are scanned (they are small: one per unpublished entry). */
  pollIntervalMs?: number;
  /** How often slot leases are renewed and claimed (well below the lease time). */
  leaseRefreshMs?: number;
  retryDelayMs?: number;
  /** A woken team waits this long first, so a burst of writes goes out in one round. */
  lingerMs?: number;
  /** Facts published after each refresh of their users' views. */
  sliceUsers?: number;
  /** A pending marker whose entry never appeared (its writer died) is dropped after this long. */
  orphanMs?: number;
  hooks?: RelayHooks;
}): OutboxRelay {
  const log = logger.child({ module: 'outbox-relay' });
  const queued = new Set<string>();
  const running = new Set<string>();
  const again = new Set<string>();
  const retryTimers = new Set<NodeJS.Timeout>();
  let idleWaiters: Array<() => void> = [];
  let pollTimer: NodeJS.Timeout | undefined;
  let leaseTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  /** After stop() returned: nothing is retried any more. */
  let closed = false;
  let failures = 0;
  /** team → the version published, under the slot epoch it was learnt in. */
  const published = new Map<string, { epoch: number; version: number }>();
  /** team → the pending markers the last scan found. */
  const marked = new Map<string, PendingMark[]>();
  const backingOff = new Set<string>();

  function toMessages(
    teamId: string,
    entries: LogEntryDocument[],
  ): { messages: OutgoingMessage[]; scopes: GrantScope[]; causes: FactCauses; ids: string[] } {
    const messages: OutgoingMessage[] = [];
    const ids: string[] = [];
    const scopes: GrantScope[] = [];
    const causes: FactCauses = { byUser: new Map(), entry: undefined };
    for (const entry of entries) {
      scopes.push(entry.grants);
      causes.entry = entry.causationid ?? causes.entry;
      for (const event of storedEvents(entry)) {
        // A batch entry holds many callers' commands: a member's fact names the command about that member.
        const { userId } = event.data;
        if (typeof userId === 'string' && event.causationid) causes.byUser.set(userId, event.causationid);
        // The stored type is a string: the contract checks it (and the data) when encoding.
        const envelope = buildEnvelope(
          event.type,
          teamId,
          { ...event.data, teamVersion: entry.version },
          {
            id: event.id,
            source: EVENT_SOURCES.teamService,
            time: event.time,
            ...(event.causationid ? { causationid: event.causationid } : {}),
            ...(event.traceparent ? { traceparent: event.traceparent } : {}),
          },
        );
        messages.push({
          key: teamId,
          value: encodeStoredTeamEvent(envelope),
          headers: cloudEventKafkaHeaders(envelope),
        });
        ids.push(event.id);
      }
    }
    return { messages, scopes, causes, ids };
  }

  async function publish(teamId: string, entries: LogEntryDocument[]): Promise<void> {
    const team = await loadTeam(teamId);
    if (!team) throw new Error(`team ${teamId} has log entries but cannot be read`);
    const { messages, scopes, causes, ids } = toMessages(teamId, entries);
    const users = usersInScope(team, scopes);
    // A listing entry says only whether its user is on the roster: it changes for the users who joined or left
    // (named in the scopes), never for a roster-wide change of terms such as a renewal.
    const listed = new Set(scopes.flatMap((scope) => scope.userIds));
    const started = process.hrtime.bigint();
    for (let from = 0; from < users.length; from += sliceUsers) {
      const userIds = users.slice(from, from + sliceUsers);
      // Views first (the summary on the first slice): a consumer reacting to these facts then reads at least
      // this state from listings.
      await views.refresh(
        team,
        userIds.filter((userId) => listed.has(userId)),
      );
      await hooks.beforeSend?.(teamId, { userIds });
      const facts = userIds.map((userId) =>
        grantFactMessage(
          team,
          userId,
          memberGrantOf(team, userId),
          causes.byUser.get(userId) ?? causes.entry,
        ),
      );
      await producer.sendMany(grantsTopic, facts);
    }
    if (users.length === 0) await views.refresh(team, []);
    await producer.sendMany(topic, messages);
    await hooks.afterPublish?.(teamId, ids);
    metrics?.published(messages.length + users.length, Number(process.hrtime.bigint() - started) / 1e9);
  }

  /** One round for one team; true when more may be waiting. */
  async function relayTeam(teamId: string): Promise<boolean> {
    if (lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, lingerMs));
    const epoch = leases.heldEpoch(slotOf(teamId, slots));
    if (epoch === null) return false; // another relay publishes this team
    const known = published.get(teamId);
    const from = known?.epoch === epoch ? known.version : await store.publishedVersion(teamId);
    const entries = await store.entriesAfter(teamId, from, maxEventsPerRound);
    const last = entries[entries.length - 1]?.version ?? from;
    if (entries.length > 0) {
      await publish(teamId, entries);
      // Recorded even if the slot was lost meanwhile: it is true, and it only moves forward.
      await store.markPublished(teamId, last);
    }
    published.set(teamId, { epoch, version: last });
    const now = Date.now();
    const done = (marked.get(teamId) ?? []).filter(
      (mark) => mark.version <= last || now - mark.at.getTime() > orphanMs,
    );
    marked.delete(teamId);
    await store.clearPending([...entries.map((entry) => entry._id), ...done.map((mark) => mark.id)]);
    return entries.length > 0;
  }

  function settleIdle(): void {
    if (queued.size === 0 && running.size === 0 && retryTimers.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  function pump(): void {
    for (const teamId of queued) {
      if (running.size >= concurrency) break;
      if (running.has(teamId)) continue;
      queued.delete(teamId);
      running.add(teamId);
      void relayTeam(teamId)
        .then((more) => {
          failures = 0;
          if (more) again.add(teamId);
        })
        .catch((error: unknown) => {
          failures += 1;
          metrics?.failed();
          log.warn({ err: error, teamId }, 'relaying team events failed; will retry');
          if (closed) return;
          backingOff.add(teamId);
          const timer = setTimeout(
            () => {
              retryTimers.delete(timer);
              backingOff.delete(teamId);
              wake(teamId);
            },
            Math.min(30_000, retryDelayMs * 2 ** Math.min(failures - 1, 6)),
          );
          retryTimers.add(timer);
        })
        .finally(() => {
          running.delete(teamId);
          if (again.delete(teamId)) queued.add(teamId);
          metrics?.queued(queued.size + running.size);
          pump();
          settleIdle();
        });
    }
  }

  function wake(teamId: string): void {
    if (closed || backingOff.has(teamId)) return;
    if (running.has(teamId)) again.add(teamId);
    else queued.add(teamId);
    pump();
  }

  const busy = (slot: number) => [...running].some((teamId) => slotOf(teamId, slots) === slot);

  /**
   * Renews the slots held and claims free ones, on its own timer: a slow scan of the pending markers (a busy
   * database) must not hold a renewal up until the leases run out.
   */
  async function renewLeases(): Promise<void> {
    try {
      await leases.refresh(busy);
      metrics?.slotsHeld(
        Array.from({ length: slots }, (_, slot) => leases.heldEpoch(slot)).filter((e) => e !== null).length,
      );
    } catch (error) {
      log.warn({ err: error }, 'renewing the outbox slot leases failed');
    }
  }

  function scheduleLeases(): void {
    if (stopped) return;
    leaseTimer = setTimeout(() => void renewLeases().finally(scheduleLeases), leaseRefreshMs);
    leaseTimer.unref();
  }

  async function poll(): Promise<void> {
    try {
      const marks = await store.pending(10_000);
      const oldest = Math.min(Date.now(), ...marks.map((mark) => mark.at.getTime()));
      metrics?.backlog(marks.length, (Date.now() - oldest) / 1000);
      const byTeam = new Map<string, PendingMark[]>();
      for (const mark of marks) byTeam.set(mark.teamId, [...(byTeam.get(mark.teamId) ?? []), mark]);
      for (const [teamId, teamMarks] of byTeam) {
        if (leases.heldEpoch(slotOf(teamId, slots)) === null) continue;
        marked.set(teamId, teamMarks);
        wake(teamId);
      }
    } catch (error) {
      log.warn({ err: error }, 'polling the outbox failed');
    }
  }

  function schedulePoll(): void {
    if (stopped) return;
    pollTimer = setTimeout(() => void poll().finally(schedulePoll), pollIntervalMs);
    pollTimer.unref();
  }

  const idle = () =>
    new Promise<void>((resolve) => {
      idleWaiters.push(resolve);
      settleIdle();
    });

  return {
    wake,
    idle,
    async start() {
      stopped = false;
      closed = false;
      await renewLeases();
      await poll();
      schedulePoll();
      scheduleLeases();
    },
    async stop(drainTimeoutMs = 10_000) {
      stopped = true;
      clearTimeout(pollTimer);
      clearTimeout(leaseTimer);
      await poll();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>(
        (resolve) => (timer = setTimeout(() => resolve('timeout'), drainTimeoutMs)),
      );
      const result = await Promise.race([idle(), timeout]);
      clearTimeout(timer);
      closed = true;
      for (const retry of retryTimers) clearTimeout(retry);
      retryTimers.clear();
      // Another replica takes the slots over at once instead of after the leases expire.
      await leases.releaseAll();
      if (result === 'timeout')
        log.warn({ pending: queued.size + running.size }, 'outbox not drained before the timeout');
    },
  };
}

import { buildEnvelope, EVENT_SOURCES, encodeStoredTeamEvent } from '@teamseat/contracts';
import type { BatchingProducer, OutgoingMessage } from '@teamseat/kafka';
import type { Logger } from '@teamseat/logger';
import { usersInScope, type GrantScope } from '../../domain/member-grants';
import type { TeamViews } from '../../application/ports';
import type { OutboxStore, PendingOutbox } from '../database/outbox-store';
import { grantFactMessage } from './grant-facts';
import type { RelayMetrics } from './relay-metrics';

export interface OutboxRelay {
  /** A team has new events: publish them soon. Called by the command path after each write. */
  wake(teamId: string): void;
  start(): void;
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
 * Publishes each team's outbox, then marks the groups sent: one grant-terms fact per user the groups name
 * to `grantsTopic` (keyed by user id, derived from the team version it read, ADR 0016), then the events to
 * `topic` (keyed by team id, in commit order). A crash between publishing and marking publishes them again
 * with the same ids; a fact published twice says the same thing. Before each slice of `sliceUsers` facts it
 * refreshes those users' listing views from the same team, so a consumer reacting to a fact reads at least
 * that state from listings, and the first members of a mass change (an expiry of 25,000 members) are on
 * Kafka long before the last member's view is written. Woken by the writes of this process; a slow poll
 * finds the rest (a crash, another replica). Many teams are worked on at once, one team never twice at the
 * same time.
 */
export function createOutboxRelay({
  store,
  views,
  producer,
  topic,
  grantsTopic,
  logger,
  metrics,
  concurrency = 16,
  maxEventsPerRound = 500,
  pollIntervalMs = 5_000,
  retryDelayMs = 500,
  lingerMs = 5,
  sliceUsers = 100,
  hooks = {},
}: {
  store: OutboxStore;
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
  pollIntervalMs?: number;
  retryDelayMs?: number;
  /** A woken team waits this long first, so a burst of writes goes out in one round. */
  lingerMs?: number;
  /** Facts published after each refresh of their users' views. */
  sliceUsers?: number;
  hooks?: RelayHooks;
}): OutboxRelay {
  const log = logger.child({ module: 'outbox-relay' });
  const queued = new Set<string>();
  const running = new Set<string>();
  const again = new Set<string>();
  const retryTimers = new Set<NodeJS.Timeout>();
  let idleWaiters: Array<() => void> = [];
  let pollTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  /** After stop() returned: nothing is retried any more. */
  let closed = false;
  let failures = 0;

  function toMessages(pending: PendingOutbox): {
    messages: OutgoingMessage[];
    /** The users whose grant-terms facts the round's groups call for. */
    users: string[];
    causationId: string | undefined;
    keys: string[];
    ids: string[];
  } {
    const messages: OutgoingMessage[] = [];
    const keys: string[] = [];
    const ids: string[] = [];
    const scopes: GrantScope[] = [];
    let causationId: string | undefined;
    for (const { key, version, group } of pending.groups) {
      if (messages.length > 0 && messages.length + group.events.length > maxEventsPerRound) break;
      keys.push(key);
      // Groups written before grant scopes existed have none: they concern no one's grant.
      if (group.grants) scopes.push(group.grants);
      causationId = group.causationid ?? causationId;
      for (const event of group.events) {
        // The stored type is a string: the contract checks it (and the data) when encoding.
        const envelope = buildEnvelope(
          event.type,
          pending.teamId,
          { ...event.data, teamVersion: version },
          {
            id: event.id,
            source: EVENT_SOURCES.teamService,
            time: event.time,
            ...(event.causationid ? { causationid: event.causationid } : {}),
            ...(event.traceparent ? { traceparent: event.traceparent } : {}),
          },
        );
        messages.push({
          key: pending.teamId,
          value: encodeStoredTeamEvent(envelope),
          headers: {
            'ce-id': event.id,
            'ce-type': event.type,
            ...(event.traceparent ? { traceparent: event.traceparent } : {}),
          },
        });
        ids.push(event.id);
      }
    }
    return { messages, users: usersInScope(pending.team, scopes), causationId, keys, ids };
  }

  /** One round for one team; true when more may be waiting. */
  async function relayTeam(teamId: string): Promise<boolean> {
    if (lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, lingerMs));
    const pending = await store.read(teamId);
    if (!pending || pending.groups.length === 0) return false;
    const { messages, users, causationId, keys, ids } = toMessages(pending);
    const started = process.hrtime.bigint();
    for (let from = 0; from < users.length; from += sliceUsers) {
      const userIds = users.slice(from, from + sliceUsers);
      // Views first: a consumer reacting to these facts then reads at least this state from listings.
      await views.refresh(pending.team, userIds);
      await hooks.beforeSend?.(teamId, { userIds });
      const facts = userIds.map((userId) => grantFactMessage(pending.team, userId, causationId));
      await producer.sendMany(grantsTopic, facts);
    }
    if (users.length === 0) await views.refresh(pending.team, []);
    await producer.sendMany(topic, messages);
    await hooks.afterPublish?.(teamId, ids);
    await store.markPublished(teamId, keys);
    metrics?.published(messages.length + users.length, Number(process.hrtime.bigint() - started) / 1e9);
    return keys.length < pending.groups.length;
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
          const timer = setTimeout(
            () => {
              retryTimers.delete(timer);
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
    if (closed) return;
    if (running.has(teamId)) again.add(teamId);
    else queued.add(teamId);
    pump();
  }

  async function poll(): Promise<void> {
    try {
      for (const teamId of await store.teamsWithPending(1_000)) wake(teamId);
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
    start() {
      stopped = false;
      closed = false;
      void poll();
      schedulePoll();
    },
    async stop(drainTimeoutMs = 10_000) {
      stopped = true;
      clearTimeout(pollTimer);
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
      if (result === 'timeout')
        log.warn({ pending: queued.size + running.size }, 'outbox not drained before the timeout');
    },
  };
}

import { buildTeamEvent, EVENT_SOURCES, encodeTeamEvent, type TeamEventType } from '@teamseat/contracts';
import type { BatchingProducer, OutgoingMessage } from '@teamseat/kafka';
import type { Logger } from '@teamseat/logger';
import type { TeamViews } from '../domain/ports';
import { rosterUsersOf } from '../domain/team-events';
import type { OutboxStore, PendingOutbox } from '../data-access/outbox-store';
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
  /** Runs before each slice of a team's events is sent, once their users' views are refreshed (tests). */
  beforeSend?: (teamId: string, slice: { eventIds: string[]; userIds: string[] }) => Promise<void> | void;
  /** Runs after Kafka acknowledged a team's events and before they are marked sent (crash tests). */
  afterPublish?: (teamId: string, eventIds: string[]) => Promise<void> | void;
}

/**
 * Publishes each team's outbox to `teamseat.team-events.v1`, keyed by team id, in commit order, then marks
 * the groups sent. A crash between the two publishes them again with the same event ids (consumers
 * dedupe on the id). Before publishing events it refreshes the listing views of the users they concern
 * from the team it read, in slices of `viewSliceEvents` events: a consumer reacting to an event reads at
 * least that state from listings, and the first members of a mass change (an expiry of 1,000 members)
 * are on Kafka long before the last member's view is written. Woken by the writes of this process; a
 * slow poll finds the rest (a crash, another replica). Many teams are worked on at once, one team never
 * twice at the same time.
 */
export function createOutboxRelay({
  store,
  views,
  producer,
  topic,
  logger,
  metrics,
  concurrency = 16,
  maxEventsPerRound = 500,
  pollIntervalMs = 5_000,
  retryDelayMs = 500,
  lingerMs = 5,
  viewSliceEvents = 50,
  hooks = {},
}: {
  store: OutboxStore;
  views: Pick<TeamViews, 'refresh'>;
  producer: BatchingProducer;
  topic: string;
  logger: Logger;
  metrics?: RelayMetrics;
  concurrency?: number;
  maxEventsPerRound?: number;
  pollIntervalMs?: number;
  retryDelayMs?: number;
  /** A woken team waits this long first, so a burst of writes goes out in one round. */
  lingerMs?: number;
  /** Events published after each refresh of their users' views. */
  viewSliceEvents?: number;
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
    /** The roster users each message concerns. */
    users: string[][];
    keys: string[];
    ids: string[];
  } {
    const messages: OutgoingMessage[] = [];
    const users: string[][] = [];
    const keys: string[] = [];
    const ids: string[] = [];
    for (const { key, version, group } of pending.groups) {
      if (messages.length > 0 && messages.length + group.events.length > maxEventsPerRound) break;
      keys.push(key);
      for (const event of group.events) {
        const envelope = buildTeamEvent(
          event.type as TeamEventType,
          { ...event.data, teamVersion: version } as never,
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
          value: encodeTeamEvent(envelope),
          headers: {
            'ce-id': event.id,
            'ce-type': event.type,
            ...(event.traceparent ? { traceparent: event.traceparent } : {}),
          },
        });
        users.push(rosterUsersOf(event));
        ids.push(event.id);
      }
    }
    return { messages, users, keys, ids };
  }

  /** One round for one team; true when more may be waiting. */
  async function relayTeam(teamId: string): Promise<boolean> {
    if (lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, lingerMs));
    const pending = await store.read(teamId);
    if (!pending || pending.groups.length === 0) return false;
    const { messages, users, keys, ids } = toMessages(pending);
    const started = process.hrtime.bigint();
    for (let from = 0; from < messages.length; from += viewSliceEvents) {
      const to = from + viewSliceEvents;
      const userIds = [...new Set(users.slice(from, to).flat())];
      // Views first: a consumer reacting to these events then reads at least this state from listings.
      await views.refresh(pending.team, userIds);
      await hooks.beforeSend?.(teamId, { eventIds: ids.slice(from, to), userIds });
      await producer.sendMany(topic, messages.slice(from, to));
    }
    await hooks.afterPublish?.(teamId, ids);
    await store.markPublished(teamId, keys);
    metrics?.published(messages.length, Number(process.hrtime.bigint() - started) / 1e9);
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

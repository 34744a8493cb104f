import { Counter, Gauge, Histogram, LATENCY_BUCKETS, type Registry } from '@teamseat/metrics';

export interface RelayMetrics {
  published(events: number, seconds: number): void;
  failed(): void;
  queued(teams: number): void;
  /** What the last scan found waiting: pending markers and the age of the oldest. */
  backlog(entries: number, oldestSeconds: number): void;
  slotsHeld(slots: number): void;
}

export function createRelayMetrics(registry: Registry): RelayMetrics {
  const published = new Counter({
    name: 'team_outbox_published_events_total',
    help: 'Team events and grant facts the outbox relay published to Kafka (a republish after a takeover counts again)',
    registers: [registry],
  });
  const failures = new Counter({
    name: 'team_outbox_failures_total',
    help: 'Relay rounds that failed (Kafka or database unavailable) and will be retried',
    registers: [registry],
  });
  const queue = new Gauge({
    name: 'team_outbox_teams_queued',
    help: 'Teams with events waiting for the relay in this process',
    registers: [registry],
  });
  const round = new Histogram({
    name: 'team_outbox_publish_seconds',
    help: 'Time from reading a team log to Kafka acknowledging it',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const backlogSize = new Gauge({
    name: 'team_outbox_backlog_entries',
    help: 'Log entries not yet published, all replicas (pending markers at the last scan)',
    registers: [registry],
  });
  const backlogAge = new Gauge({
    name: 'team_outbox_backlog_oldest_seconds',
    help: 'Age of the oldest log entry not yet published at the last scan (0 when none)',
    registers: [registry],
  });
  const slots = new Gauge({
    name: 'team_outbox_slots_held',
    help: 'Outbox slots whose teams this relay publishes',
    registers: [registry],
  });
  return {
    published(events, seconds) {
      published.inc(events);
      round.observe(seconds);
    },
    failed: () => failures.inc(),
    queued: (teams) => queue.set(teams),
    backlog(entries, oldestSeconds) {
      backlogSize.set(entries);
      backlogAge.set(oldestSeconds);
    },
    slotsHeld: (held) => slots.set(held),
  };
}

import { Counter, Gauge, Histogram, LATENCY_BUCKETS, type Registry } from '@teamseat/metrics';

export interface RelayMetrics {
  published(events: number, seconds: number): void;
  failed(): void;
  queued(teams: number): void;
}

export function createRelayMetrics(registry: Registry): RelayMetrics {
  const published = new Counter({
    name: 'team_outbox_published_events_total',
    help: 'Team events the outbox relay published to Kafka (a republish after a crash counts again)',
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
    help: 'Time from reading a team outbox to Kafka acknowledging it',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return {
    published(events, seconds) {
      published.inc(events);
      round.observe(seconds);
    },
    failed: () => failures.inc(),
    queued: (teams) => queue.set(teams),
  };
}

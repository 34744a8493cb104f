import { Counter, Gauge, Histogram, LATENCY_BUCKETS, type Registry } from '@teamseat/metrics';
import type { BreakerState } from './circuit-breaker';

export interface RevenueCatMetrics {
  call(operation: string, outcome: string, seconds: number): void;
  retry(operation: string, reason: string): void;
  limiterWait(seconds: number): void;
  breakerState(state: BreakerState): void;
}

const BREAKER_VALUES: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

export function createRevenueCatMetrics(registry: Registry): RevenueCatMetrics {
  const calls = new Counter({
    name: 'revenuecat_calls_total',
    help: 'RevenueCat HTTP calls by operation and outcome (HTTP status, timeout, network, breaker-open)',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'revenuecat_call_seconds',
    help: 'RevenueCat HTTP call latency (one attempt, without limiter wait)',
    labelNames: ['operation'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const retries = new Counter({
    name: 'revenuecat_retries_total',
    help: 'RevenueCat attempts retried in-process, by operation and reason',
    labelNames: ['operation', 'reason'],
    registers: [registry],
  });
  const wait = new Histogram({
    name: 'revenuecat_limiter_wait_seconds',
    help: 'Time a RevenueCat call waited for the shared rate limiter',
    buckets: [0, ...LATENCY_BUCKETS, 30, 60],
    registers: [registry],
  });
  const opens = new Counter({
    name: 'revenuecat_breaker_opened_total',
    help: 'Times the RevenueCat circuit breaker opened',
    registers: [registry],
  });
  const breaker = new Gauge({
    name: 'revenuecat_breaker_state',
    help: 'RevenueCat circuit breaker: 0 closed, 1 half-open, 2 open',
    registers: [registry],
  });
  return {
    call: (operation, outcome, seconds) => {
      calls.inc({ operation, outcome });
      latency.observe({ operation }, seconds);
    },
    retry: (operation, reason) => retries.inc({ operation, reason }),
    limiterWait: (seconds) => wait.observe(seconds),
    breakerState: (state) => {
      breaker.set(BREAKER_VALUES[state]);
      if (state === 'open') opens.inc();
    },
  };
}

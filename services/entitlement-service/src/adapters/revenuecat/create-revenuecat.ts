import type { Logger } from '@teamseat/logger';
import type { Registry } from '@teamseat/metrics';
import { createRevenueCatBreaker, type BreakerOptions } from './circuit-breaker';
import { createHttpTransport } from './http-transport';
import { createRateLimiter, type Lane, type LaneBounds } from './rate-limiter';
import type { ApiVersion } from '../../application/ports';
import { createRevenueCatClient, type RetryPolicy, DEFAULT_RETRY_POLICY } from './revenuecat-client';
import { createRevenueCatClock } from './revenuecat-clock';
import { createRevenueCatMetrics } from './revenuecat-metrics';

export interface RevenueCatSettings {
  baseUrl: string;
  apiKey: string;
  apiVersion: ApiVersion;
  v2ApiKey?: string | undefined;
  projectId?: string | undefined;
  ratePerSecond: number;
  maxConcurrent?: number;
  /** Per lane, how many calls may wait for the rate and for how long (ADR 0022). */
  lanes?: Partial<Record<Lane, LaneBounds>>;
  /** The most of the rate SyncCustomer reads get while background work also waits. */
  onDemandShare?: number;
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  breaker?: Partial<BreakerOptions>;
}

/** Wires the client with its one limiter and one breaker; `stop` releases their timers. */
export function createRevenueCat({
  settings,
  logger,
  registry,
  now,
}: {
  settings: RevenueCatSettings;
  logger: Logger;
  registry: Registry;
  /** Wall clock. */
  now: () => number;
}) {
  const metrics = createRevenueCatMetrics(registry);
  const limiter = createRateLimiter({
    ratePerSecond: settings.ratePerSecond,
    maxConcurrent: settings.maxConcurrent,
    lanes: settings.lanes,
    onDemandShare: settings.onDemandShare,
    wallClock: now,
  });
  const breaker = createRevenueCatBreaker(settings.breaker ?? {}, { now });
  metrics.breakerState('closed');
  breaker.onStateChange((state) => {
    metrics.breakerState(state);
    logger.warn({ module: 'revenuecat', breaker: state }, 'RevenueCat circuit breaker changed state');
  });
  const clock = createRevenueCatClock(now);
  const transport = createHttpTransport({
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    limiter,
    breaker,
    metrics,
    logger,
    now,
  });
  const client = createRevenueCatClient({
    transport,
    breaker,
    clock,
    metrics,
    logger,
    apiKey: settings.apiKey,
    apiVersion: settings.apiVersion,
    v2ApiKey: settings.v2ApiKey,
    projectId: settings.projectId,
    retry: { ...DEFAULT_RETRY_POLICY, ...settings.retry },
  });
  return {
    client,
    limiter,
    breaker,
    async stop() {
      breaker.shutdown();
      await limiter.stop();
    },
  };
}

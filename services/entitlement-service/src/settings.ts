import type { EntitlementServiceConfig } from './config';
import { DAY_MS, HOUR_MS } from './domain/expiry';
import type { ConsumerSettings } from './entry-points/kafka/create-consumers';
import type { RevenueCatSettings } from './adapters/revenuecat/create-revenuecat';
import type { SweepSettings } from './application/sweep';

/** The validated configuration, cut into the settings each part takes. */
export function revenueCatSettings(config: EntitlementServiceConfig): RevenueCatSettings {
  return {
    baseUrl: config.REVENUECAT_API_URL,
    apiKey: config.REVENUECAT_API_KEY,
    apiVersion: config.REVENUECAT_API_VERSION,
    v2ApiKey: config.REVENUECAT_V2_API_KEY,
    projectId: config.REVENUECAT_PROJECT_ID,
    ratePerSecond: config.REVENUECAT_RATE_PER_SECOND,
    maxConcurrent: config.REVENUECAT_MAX_CONCURRENCY,
    lanes: {
      revoke: {
        maxQueued: config.REVENUECAT_MAX_QUEUED_CALLS,
        maxWaitMs: config.REVENUECAT_MAX_QUEUE_WAIT_MS,
      },
      background: {
        maxQueued: config.REVENUECAT_MAX_QUEUED_CALLS,
        maxWaitMs: config.REVENUECAT_MAX_QUEUE_WAIT_MS,
      },
      'on-demand': { maxQueued: config.SYNC_MAX_QUEUED_CALLS, maxWaitMs: config.SYNC_MAX_QUEUE_WAIT_MS },
    },
    onDemandShare: config.SYNC_RATE_SHARE,
    timeoutMs: config.REVENUECAT_TIMEOUT_MS,
    retry: {
      maxAttempts: config.REVENUECAT_MAX_ATTEMPTS,
      baseDelayMs: config.REVENUECAT_RETRY_BASE_MS,
      maxInlineWaitMs: config.REVENUECAT_MAX_INLINE_WAIT_MS,
    },
    breaker: {
      errorThresholdPercentage: config.BREAKER_ERROR_THRESHOLD_PERCENT,
      volumeThreshold: config.BREAKER_VOLUME_THRESHOLD,
      resetTimeoutMs: config.BREAKER_RESET_MS,
    },
  };
}

export function consumerSettings(config: EntitlementServiceConfig): ConsumerSettings {
  return {
    groupPrefix: config.CONSUMER_GROUP_ID,
    topics: {
      webhooks: config.WEBHOOK_TOPIC,
      memberGrants: config.MEMBER_GRANTS_TOPIC,
      changes: config.ENTITLEMENT_CHANGES_TOPIC,
    },
    concurrency: {
      webhooks: config.WEBHOOK_CONCURRENCY,
      memberGrants: config.MEMBER_GRANTS_CONCURRENCY,
    },
    usersPerPartition: {
      webhooks: config.WEBHOOK_USERS_PER_PARTITION,
      memberGrants: config.MEMBER_GRANTS_USERS_PER_PARTITION,
    },
    backoff: { initialMs: config.CONSUMER_BACKOFF_INITIAL_MS, maxMs: config.CONSUMER_BACKOFF_MAX_MS },
    parking: {
      afterMs: config.RETRY_PARK_AFTER_MS,
      delays: { initialMs: config.PARKED_RETRY_INITIAL_MS, maxMs: config.PARKED_RETRY_MAX_MS },
    },
    maxWaitTimeInMs: config.KAFKA_MAX_WAIT_MS,
  };
}

export function sweepSettings(config: EntitlementServiceConfig): SweepSettings {
  return {
    intervalMs: config.SWEEP_INTERVAL_MS,
    leaseMs: config.SWEEP_LEASE_MS ?? Math.max(config.SWEEP_INTERVAL_MS * 2, 60_000),
    batch: config.SWEEP_BATCH,
    resyncAfterMs: config.SWEEP_RESYNC_AFTER_HOURS * HOUR_MS,
    processedEventsRetentionMs: config.PROCESSED_EVENTS_RETENTION_DAYS * DAY_MS,
    maxQueuedCalls: config.SWEEP_MAX_QUEUED_CALLS,
  };
}

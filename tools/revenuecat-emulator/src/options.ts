import type { Logger } from '@teamseat/logger';
import type { CatalogInput } from './domain/catalog';
import type { ClockOptions } from './domain/clock';
import { DEFAULT_DUPLICATE_WINDOW_MS } from './domain/promotional';
import type { NullStyle } from './domain/subscriber-view';
import { DAY_MS } from './domain/types';
import type { FaultOptions } from './entry-points/http/faults';
import type { ConcurrencyOptions } from './entry-points/http/guards';
import type { RestLimits } from './entry-points/http/rest-guards';
import type { WebhookOptions } from './adapters/webhooks/webhook-dispatcher';

/** Everything `startEmulator` accepts; every field has a default. */
export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port); the process entry point uses 8090. */
  port?: number;
  /** v1 secret keys (Bearer). Default `sk_test_emulator`. */
  apiKeys?: string[];
  /** v2 secret keys; default: the v1 keys. */
  v2ApiKeys?: string[];
  /** The v2 project id (at most 20 characters). */
  projectId?: string;
  /** `app_id` in webhook events. */
  appId?: string;
  /** The catalog itself, or a file in the services' catalog format. Default: the sample catalog. */
  catalog?: CatalogInput;
  catalogFile?: string;
  webhooks?: Partial<WebhookOptions>;
  clock?: Omit<ClockOptions, 'wallNow'>;
  /** Subscriptions renew by themselves as the clock passes their expiry. Default true. */
  autoRenew?: boolean;
  /** How often time-driven events (renewals, expiries) are checked with a running clock; 0 = only on requests. */
  sweepIntervalMs?: number;
  /** Grace period of a billing issue when the action names none. Default 6 days (App Store's shortest). */
  defaultGracePeriodMs?: number;
  /** The duplicate-grant window (RevenueCat: 2 hours); 0 turns the quirk off. */
  duplicateWindowMs?: number;
  /** `include`: nulls as RevenueCat sends them; `omit`: leave out nulls the OpenAPI schema does not allow. */
  nulls?: NullStyle;
  /** Refuse grants of entitlements the catalog does not name. Default true. */
  strictEntitlements?: boolean;
  limits?: Partial<RestLimits>;
  concurrency?: Partial<ConcurrencyOptions>;
  /** Faults active from the start; `outageMs` starts an outage of that length at start. */
  faults?: Partial<FaultOptions> & { outageMs?: number };
  /** Seeds fault and delivery randomness, for repeatable runs. */
  seed?: number;
  logger?: Logger;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 0,
  apiKeys: ['sk_test_emulator'],
  projectId: 'projemulator',
  appId: 'appemulator',
  autoRenew: true,
  sweepIntervalMs: 1_000,
  defaultGracePeriodMs: 6 * DAY_MS,
  duplicateWindowMs: DEFAULT_DUPLICATE_WINDOW_MS,
  nulls: 'include' as NullStyle,
  strictEntitlements: true,
  limits: {
    v1PerMinute: 0,
    v2CustomerInformationPerMinute: 480,
    v2ProjectConfigurationPerMinute: 60,
  } as RestLimits,
  concurrency: { mode: 'refuse', holdMs: 0 } as ConcurrencyOptions,
};

/** The products of `config/catalog.sample.yaml` (a unit test keeps the two equal). */
export const SAMPLE_CATALOG: CatalogInput = {
  products: [
    {
      productId: 'team_pro_monthly',
      playProductId: 'team_pro_monthly:monthly',
      managementEntitlement: 'team_admin',
      memberEntitlements: ['pro'],
      seats: 3,
      grantMode: 'period',
      shrinkPolicy: 'admin-choice',
      ownerTakesSeat: false,
      periodDays: 30,
    },
    {
      productId: 'team_pro_yearly',
      playProductId: 'team_pro_yearly:yearly',
      managementEntitlement: 'team_admin',
      memberEntitlements: ['pro'],
      seats: 10,
      grantMode: 'period',
      shrinkPolicy: 'remove-last-joined',
      ownerTakesSeat: false,
      periodDays: 365,
    },
  ],
  storeProducts: [
    {
      productId: 'pro_monthly',
      playProductId: 'pro_monthly:monthly',
      entitlements: ['pro'],
      type: 'subscription',
      periodDays: 30,
    },
  ],
};

import { commonSchema, csv, port, z } from '@teamseat/config';
import type { Logger } from '@teamseat/logger';
import type { CatalogInput } from './domain/catalog';
import type { ClockOptions } from './domain/clock';
import { DEFAULT_DUPLICATE_WINDOW_MS } from './domain/promotional';
import type { LifetimeStyle, NullStyle } from './domain/subscriber-view';
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
  /** A lifetime promotional's `expires_date`: `null` (documented, default) or `far-future` (start + 200 years). */
  lifetimeExpiry?: LifetimeStyle;
  /** v1 grant/revoke for a customer never seen: `create` (default) or `not-found` (404 until a GET). */
  unknownCustomerGrants?: 'create' | 'not-found';
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
  lifetimeExpiry: 'null' as LifetimeStyle,
  unknownCustomerGrants: 'create' as 'create' | 'not-found',
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
    {
      productId: 'team_lifetime_monthly',
      playProductId: 'team_lifetime_monthly:monthly',
      managementEntitlement: 'team_lifetime_admin',
      memberEntitlements: ['pro'],
      seats: 5,
      grantMode: 'lifetime',
      shrinkPolicy: 'block',
      ownerTakesSeat: false,
      periodDays: 30,
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
  seatPacks: [
    {
      productId: 'team_seats_5_monthly',
      playProductId: 'team_seats_5_monthly:monthly',
      addsSeatsTo: 'team_admin',
      seats: 5,
      periodDays: 30,
    },
  ],
};

const rate = z.coerce.number().min(0).max(1);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const nonNegativeInt = z.coerce.number().int().nonnegative();

/** The emulator's environment variables (README.md lists them with examples). */
export const configSchema = z.object({
  LOG_LEVEL: commonSchema.LOG_LEVEL,
  EMULATOR_HOST: z.string().default('127.0.0.1').describe('interface to listen on'),
  EMULATOR_PORT: port(8090).describe('HTTP port for /v1, /v2 and /_emulator'),
  EMULATOR_API_KEYS: csv().default('sk_test_emulator').describe('accepted v1 secret keys, comma-separated'),
  EMULATOR_V2_API_KEYS: csv().optional().describe('accepted v2 secret keys; default: EMULATOR_API_KEYS'),
  EMULATOR_PROJECT_ID: z.string().min(1).max(20).default('projemulator').describe('the v2 project id'),
  EMULATOR_APP_ID: z.string().min(1).default('appemulator').describe('app_id in webhook events'),
  CATALOG_FILE: z.string().optional().describe('catalog file (YAML or JSON); default: the built-in sample'),
  WEBHOOK_URLS: csv().optional().describe('where webhooks go, comma-separated'),
  WEBHOOK_AUTHORIZATION: z.string().optional().describe('sent verbatim as the Authorization header'),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000).describe('per delivery attempt'),
  WEBHOOK_RETRY_SCALE: z.coerce
    .number()
    .positive()
    .default(1)
    .describe('multiplies the 5/10/20/40/80-minute schedule'),
  WEBHOOK_DUPLICATE_RATE: rate.default(0).describe('probability an event is delivered twice'),
  WEBHOOK_DROP_RATE: rate.default(0).describe('probability an event is never delivered'),
  WEBHOOK_REORDER_WINDOW_MS: nonNegativeInt
    .default(0)
    .describe('events within this window are sent shuffled'),
  WEBHOOK_DROP_EVENT_TYPES: csv()
    .optional()
    .describe('event types never delivered (RENEWAL,EXPIRATION: a missed webhook), comma-separated'),
  WEBHOOK_DROP_EVENT_COUNT: nonNegativeInt
    .optional()
    .describe('drop only this many events of WEBHOOK_DROP_EVENT_TYPES, then deliver them again'),
  EMULATOR_CLOCK_START: z.string().optional().describe('virtual time at start: ISO date or epoch ms'),
  EMULATOR_CLOCK_FROZEN: bool.default('false').describe('the clock only moves when advanced'),
  EMULATOR_AUTO_RENEW: bool.default('true').describe('subscriptions renew when the clock passes expiry'),
  EMULATOR_GRACE_PERIOD_MS: nonNegativeInt.optional().describe('default billing-issue grace period'),
  EMULATOR_DUPLICATE_WINDOW_MS: nonNegativeInt
    .optional()
    .describe('duplicate-grant window, default 2 h; 0 = off'),
  EMULATOR_NULLS: z.enum(['include', 'omit']).default('include').describe('nulls in v1 bodies'),
  EMULATOR_STRICT_ENTITLEMENTS: bool
    .default('true')
    .describe('refuse grants of entitlements not in the catalog'),
  EMULATOR_LIFETIME_EXPIRY: z
    .enum(['null', 'far-future'])
    .default('null')
    .describe("a lifetime promotional's expires_date: null, or its start + 200 years"),
  EMULATOR_UNKNOWN_CUSTOMER_GRANTS: z
    .enum(['create', 'not-found'])
    .default('create')
    .describe('v1 grant/revoke for an unknown customer: create it, or 404 until a GET creates it'),
  EMULATOR_V1_RATE_LIMIT: nonNegativeInt
    .default(0)
    .describe('v1 requests per minute per key and endpoint; 0 = off'),
  EMULATOR_V2_RATE_LIMIT: nonNegativeInt
    .default(480)
    .describe('v2 Customer Information requests per minute per key'),
  EMULATOR_CONCURRENCY: z
    .enum(['refuse', 'off'])
    .default('refuse')
    .describe('refuse concurrent requests per user'),
  EMULATOR_LOCK_HOLD_MS: nonNegativeInt.default(0).describe('emulated processing time per request, per user'),
  EMULATOR_FAULT_LATENCY_MS: z
    .string()
    .regex(/^\d+(-\d+)?$/, 'a number of ms, or MIN-MAX')
    .optional()
    .describe('added latency, fixed or a range'),
  EMULATOR_FAULT_ERROR_RATE: rate.default(0).describe('probability of a 500/503'),
  EMULATOR_FAULT_ERROR_STATUS: z.enum(['500', '503']).default('500').transform(Number),
  EMULATOR_FAULT_HANG_RATE: rate.default(0).describe('probability a request never gets an answer'),
  EMULATOR_FAULT_OUTAGE_MS: nonNegativeInt
    .default(0)
    .describe('503 for everything during this long after start'),
  EMULATOR_FAULT_FORCE_429: nonNegativeInt.default(0).describe('the next N REST requests get 429'),
  EMULATOR_SEED: z.coerce.number().int().optional().describe('seed for fault and delivery randomness'),
});

export type EmulatorConfig = z.infer<typeof configSchema>;

function parseStart(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`EMULATOR_CLOCK_START: not a date: ${value}`);
  return ms;
}

export function toOptions(config: EmulatorConfig): EmulatorOptions {
  const [min, max] = (config.EMULATOR_FAULT_LATENCY_MS ?? '0').split('-').map(Number);
  return {
    host: config.EMULATOR_HOST,
    port: config.EMULATOR_PORT,
    apiKeys: config.EMULATOR_API_KEYS,
    ...(config.EMULATOR_V2_API_KEYS && { v2ApiKeys: config.EMULATOR_V2_API_KEYS }),
    projectId: config.EMULATOR_PROJECT_ID,
    appId: config.EMULATOR_APP_ID,
    ...(config.CATALOG_FILE && { catalogFile: config.CATALOG_FILE }),
    webhooks: {
      urls: config.WEBHOOK_URLS ?? [],
      authorization: config.WEBHOOK_AUTHORIZATION ?? null,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      retryScale: config.WEBHOOK_RETRY_SCALE,
      duplicateRate: config.WEBHOOK_DUPLICATE_RATE,
      dropRate: config.WEBHOOK_DROP_RATE,
      reorderWindowMs: config.WEBHOOK_REORDER_WINDOW_MS,
      dropEventTypes: config.WEBHOOK_DROP_EVENT_TYPES ?? [],
      dropEventCount: config.WEBHOOK_DROP_EVENT_COUNT ?? null,
    },
    clock: { startMs: parseStart(config.EMULATOR_CLOCK_START), frozen: config.EMULATOR_CLOCK_FROZEN },
    autoRenew: config.EMULATOR_AUTO_RENEW,
    ...(config.EMULATOR_GRACE_PERIOD_MS !== undefined && {
      defaultGracePeriodMs: config.EMULATOR_GRACE_PERIOD_MS,
    }),
    ...(config.EMULATOR_DUPLICATE_WINDOW_MS !== undefined && {
      duplicateWindowMs: config.EMULATOR_DUPLICATE_WINDOW_MS,
    }),
    nulls: config.EMULATOR_NULLS,
    strictEntitlements: config.EMULATOR_STRICT_ENTITLEMENTS,
    lifetimeExpiry: config.EMULATOR_LIFETIME_EXPIRY,
    unknownCustomerGrants: config.EMULATOR_UNKNOWN_CUSTOMER_GRANTS,
    limits: {
      v1PerMinute: config.EMULATOR_V1_RATE_LIMIT,
      v2CustomerInformationPerMinute: config.EMULATOR_V2_RATE_LIMIT,
    },
    concurrency: { mode: config.EMULATOR_CONCURRENCY, holdMs: config.EMULATOR_LOCK_HOLD_MS },
    faults: {
      latencyMinMs: min ?? 0,
      latencyMaxMs: max ?? min ?? 0,
      errorRate: config.EMULATOR_FAULT_ERROR_RATE,
      errorStatus: config.EMULATOR_FAULT_ERROR_STATUS as 500 | 503,
      hangRate: config.EMULATOR_FAULT_HANG_RATE,
      outageMs: config.EMULATOR_FAULT_OUTAGE_MS,
      forced429: config.EMULATOR_FAULT_FORCE_429,
    },
    ...(config.EMULATOR_SEED !== undefined && { seed: config.EMULATOR_SEED }),
  };
}

import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { runShutdownSteps, type ShutdownStep } from '@teamseat/health';
import { createLogger } from '@teamseat/logger';
import { loadCatalogFile } from './adapters/catalog-file';
import { createRandomIds } from './adapters/random-ids';
import { buildCatalog, type EmulatorCatalog } from './domain/catalog';
import { createClock, type VirtualClock } from './domain/clock';
import { createCustomerStore, type CustomerStore } from './domain/customers';
import { createRandom } from './adapters/random';
import { createRateLimiter } from './domain/rate-limiter';
import { createEmulatorService, type EmulatorService } from './application/emulator-service';
import { createFaultInjector, NO_FAULTS, type FaultInjector } from './entry-points/http/faults';
import { createHttpApp } from './entry-points/http/http-app';
import { DEFAULTS, SAMPLE_CATALOG, type EmulatorOptions } from './config';
import {
  createWebhookDispatcher,
  DEFAULT_WEBHOOK_OPTIONS,
  type WebhookDispatcher,
} from './adapters/webhooks/webhook-dispatcher';

export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:8090`; the v1 API is at `${url}/v1`. */
  url: string;
  port: number;
  clock: VirtualClock;
  /** Advances the virtual clock and sends what that causes (renewals, expiries). */
  advance(ms: number): void;
  service: EmulatorService;
  customers: CustomerStore;
  catalog: EmulatorCatalog;
  webhooks: WebhookDispatcher;
  faults: FaultInjector;
  /** Forgets customers, webhooks, rate-limit windows; resets the clock. Faults and settings stay. */
  reset(): void;
  /** What stop() runs, in order; `npm run emulator` runs them on SIGTERM. */
  shutdownSteps: ShutdownStep[];
  stop(): Promise<void>;
}

/** The hard limit of stop(): a hung webhook delivery or client must not keep a test or the process alive. */
export const STOP_TIMEOUT_MS = 5_000;

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const logger = options.logger ?? createLogger({ service: 'revenuecat-emulator', level: 'silent' });
  const random = createRandom(options.seed);
  const catalog = buildCatalog(
    options.catalog ?? (options.catalogFile ? loadCatalogFile(options.catalogFile) : SAMPLE_CATALOG),
  );
  const clock = createClock({ ...options.clock, wallNow: Date.now });
  const customers = createCustomerStore();
  const limiter = createRateLimiter(Date.now);
  const webhooks = createWebhookDispatcher({
    options: { ...DEFAULT_WEBHOOK_OPTIONS, ...options.webhooks },
    random,
    logger,
  });
  const { outageMs, ...initialFaults } = options.faults ?? {};
  const faults = createFaultInjector({ initial: { ...NO_FAULTS, ...initialFaults }, random });
  if (outageMs) faults.set({ outageUntilMs: Date.now() + outageMs });
  const projectId = options.projectId ?? DEFAULTS.projectId;
  const service = createEmulatorService({
    customers,
    catalog,
    clock,
    webhooks,
    ids: createRandomIds(),
    settings: {
      appId: options.appId ?? DEFAULTS.appId,
      projectId,
      autoRenew: options.autoRenew ?? DEFAULTS.autoRenew,
      defaultGracePeriodMs: options.defaultGracePeriodMs ?? DEFAULTS.defaultGracePeriodMs,
      duplicateWindowMs: options.duplicateWindowMs ?? DEFAULTS.duplicateWindowMs,
      nulls: options.nulls ?? DEFAULTS.nulls,
      strictEntitlements: options.strictEntitlements ?? DEFAULTS.strictEntitlements,
      lifetimeExpiry: options.lifetimeExpiry ?? DEFAULTS.lifetimeExpiry,
      unknownCustomerGrants: options.unknownCustomerGrants ?? DEFAULTS.unknownCustomerGrants,
    },
  });
  const reset = () => {
    service.reset();
    limiter.reset();
  };
  const apiKeys = options.apiKeys ?? DEFAULTS.apiKeys;
  const app = createHttpApp({
    service,
    catalog,
    webhooks,
    faults,
    limiter,
    runtime: {
      limits: { ...DEFAULTS.limits, ...options.limits },
      concurrency: { ...DEFAULTS.concurrency, ...options.concurrency },
    },
    keys: { v1: new Set(apiKeys), v2: new Set(options.v2ApiKeys ?? apiKeys) },
    projectId,
    logger,
    resetAll: reset,
  });

  const server: Server = createServer(app.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULTS.port, options.host ?? DEFAULTS.host, () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const sweepMs = options.sweepIntervalMs ?? DEFAULTS.sweepIntervalMs;
  const sweep = sweepMs > 0 && !clock.frozen ? setInterval(() => service.tick(), sweepMs).unref() : null;
  logger.info({ port, catalogProducts: catalog.products.length }, 'revenuecat emulator listening');
  const shutdownSteps: ShutdownStep[] = [
    {
      name: 'stop the sweep and webhook deliveries',
      run: () => {
        if (sweep) clearInterval(sweep);
        webhooks.stop();
        faults.releaseHung();
      },
    },
    {
      name: 'close the HTTP server',
      run: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    },
  ];

  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    port,
    clock,
    advance: (ms) => void service.advance(ms),
    service,
    customers,
    catalog,
    webhooks,
    faults,
    reset,
    shutdownSteps,
    async stop() {
      await runShutdownSteps({ logger, steps: shutdownSteps, timeoutMs: STOP_TIMEOUT_MS });
    },
  };
}

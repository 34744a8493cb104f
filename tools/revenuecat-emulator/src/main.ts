import { ConfigError, loadConfig } from '@teamseat/config';
import { onShutdownSignal } from '@teamseat/health';
import { createLogger } from '@teamseat/logger';
import { configSchema, toOptions } from './config';
import { startEmulator, STOP_TIMEOUT_MS } from './emulator';

/** Composition root: the only file that reads process.env. `npm run emulator` starts it. */
async function main() {
  const config = loadConfig(configSchema, process.env);
  const logger = createLogger({ service: 'revenuecat-emulator', level: config.LOG_LEVEL });
  const emulator = await startEmulator({ ...toOptions(config), logger });
  logger.info(
    { url: emulator.url, products: emulator.catalog.products.map((p) => p.productId) },
    `RevenueCat emulator on ${emulator.url} (v1: ${emulator.url}/v1, control: ${emulator.url}/_emulator)`,
  );
  onShutdownSignal({ logger, steps: emulator.shutdownSteps, timeoutMs: STOP_TIMEOUT_MS });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

import { ConfigError, loadConfig } from '@teamseat/config';
import { createLogger } from '@teamseat/logger';
import { configSchema, toOptions } from './config';
import { startEmulator } from './emulator';

/** Composition root: the only file that reads process.env. `npm run emulator` starts it. */
async function main() {
  const config = loadConfig(configSchema, process.env);
  const logger = createLogger({ service: 'revenuecat-emulator', level: config.LOG_LEVEL });
  const emulator = await startEmulator({ ...toOptions(config), logger });
  logger.info(
    { url: emulator.url, products: emulator.catalog.products.map((p) => p.productId) },
    `RevenueCat emulator on ${emulator.url} (v1: ${emulator.url}/v1, control: ${emulator.url}/_emulator)`,
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 5_000).unref();
    void emulator.stop().then(() => {
      clearTimeout(force);
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

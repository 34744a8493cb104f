import { ConfigError } from '@teamseat/config';
import { onShutdownSignal } from '@teamseat/health';
import { createLogger } from '@teamseat/logger';
import { startTelemetry } from '@teamseat/telemetry';
import { DEVELOPMENT_WEBHOOK_AUTHORIZATION, loadGatewayConfig } from './config';
import { startGateway } from './gateway';

// The composition root: the only module that reads process.env or exits the process.
async function main(): Promise<void> {
  let config;
  try {
    config = loadGatewayConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    createLogger({ service: 'webhook-gateway' }).fatal({ problems: error.problems }, error.message);
    process.exit(1);
  }
  const logger = createLogger({ service: 'webhook-gateway', level: config.LOG_LEVEL });
  // Traces only when the standard OTEL_* variables ask for them (an exporter or an OTLP endpoint).
  const telemetry = startTelemetry('webhook-gateway');
  if (telemetry.enabled) logger.info('tracing on: spans go to the OTLP exporter the OTEL_* variables name');
  if (config.authorization.usingDevelopmentDefault) {
    // The default is public knowledge, so say so loudly; outside development start-up fails instead.
    logger.warn(
      { value: DEVELOPMENT_WEBHOOK_AUTHORIZATION },
      'WEBHOOK_AUTHORIZATION is unset: accepting the development default. Never run like this outside development.',
    );
  }
  const gateway = await startGateway({ config, logger });
  onShutdownSignal({
    logger,
    steps: [...gateway.shutdownSteps, { name: 'flush traces', run: () => telemetry.stop() }],
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
}

main().catch((error: unknown) => {
  console.error('webhook gateway failed to start', error);
  process.exit(1);
});

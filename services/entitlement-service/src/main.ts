import './gc-tuning';
import { ConfigError } from '@teamseat/config';
import { onShutdownSignal } from '@teamseat/health';
import { kafkaSecurityHint } from '@teamseat/kafka';
import { createLogger } from '@teamseat/logger';
import { startTelemetry } from '@teamseat/telemetry';
import { loadEntitlementServiceConfig } from './config';
import { startEntitlementService } from './entitlement-service';

// The composition root: the only module that reads process.env or exits the process.
async function main(): Promise<void> {
  let config;
  try {
    config = loadEntitlementServiceConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    createLogger({ service: 'entitlement-service' }).fatal({ problems: error.problems }, error.message);
    process.exit(1);
  }
  const logger = createLogger({ service: 'entitlement-service', level: config.LOG_LEVEL });
  // Traces only when the standard OTEL_* variables ask for them (an exporter or an OTLP endpoint).
  const telemetry = startTelemetry('entitlement-service');
  if (telemetry.enabled) logger.info('tracing on: spans go to the OTLP exporter the OTEL_* variables name');
  const service = await startEntitlementService({ config, logger });
  onShutdownSignal({
    logger,
    steps: [...service.shutdownSteps, { name: 'flush traces', run: () => telemetry.stop() }],
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
}

main().catch((error: unknown) => {
  // Kafka refusing our credentials or certificate fails the start here: say which settings to check.
  const hint = kafkaSecurityHint(error);
  console.error(`entitlement-service failed to start${hint ? `: ${hint}` : ''}`, error);
  process.exit(1);
});

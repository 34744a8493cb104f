import { ConfigError } from '@teamseat/config';
import { onShutdownSignal } from '@teamseat/health';
import { createLogger } from '@teamseat/logger';
import { startTelemetry } from '@teamseat/telemetry';
import { loadTeamServiceConfig } from './config';
import { startTeamService } from './team-service';

// The composition root: the only module that reads process.env or exits the process.
async function main(): Promise<void> {
  let config;
  try {
    config = loadTeamServiceConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    createLogger({ service: 'team-service' }).fatal({ problems: error.problems }, error.message);
    process.exit(1);
  }
  const logger = createLogger({ service: 'team-service', level: config.LOG_LEVEL });
  // Traces only when the standard OTEL_* variables ask for them (an exporter or an OTLP endpoint).
  const telemetry = startTelemetry('team-service');
  if (telemetry.enabled) logger.info('tracing on: spans go to the OTLP exporter the OTEL_* variables name');
  const service = await startTeamService({ config, logger });
  onShutdownSignal({
    logger,
    steps: [...service.shutdownSteps, { name: 'flush traces', run: () => telemetry.stop() }],
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
}

main().catch((error: unknown) => {
  console.error('team-service failed to start', error);
  process.exit(1);
});

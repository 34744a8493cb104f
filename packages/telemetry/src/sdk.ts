/** Whether the standard OTEL_* variables ask for traces: off unless an exporter or an OTLP endpoint is named. */
export function tracingRequested(env: Record<string, string | undefined>): boolean {
  if (env.OTEL_SDK_DISABLED?.toLowerCase() === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporter) return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

export interface Telemetry {
  readonly enabled: boolean;
  /** Flushes the spans still buffered and stops exporting. */
  stop(): Promise<void>;
}

/**
 * Starts OpenTelemetry's Node SDK when the environment asks for it (OTLP exporter by default, sampler,
 * resource attributes and endpoints from the standard OTEL_* variables; OTEL_SERVICE_NAME defaults to the
 * service). It registers the W3C trace-context propagator and an AsyncLocalStorage context manager, which the
 * spans our boundaries make (spans.ts) use. Metrics and logs stay on /metrics and stdout.
 */
export function startTelemetry(
  service: string,
  env: Record<string, string | undefined> = process.env,
): Telemetry {
  if (!tracingRequested(env)) return { enabled: false, stop: async () => undefined };
  // Loaded only when asked for: the SDK and its exporters take a while to load, and most runs trace nothing.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME || service,
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { enabled: true, stop: () => sdk.shutdown() };
}

import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface InMemoryTracing {
  /** Every span ended so far. */
  spans(): ReadableSpan[];
  /** Unregisters the provider, the context manager and the propagator: later tests run untraced. */
  stop(): Promise<void>;
}

/**
 * OpenTelemetry's SDK for this process with an in-memory exporter: the W3C propagator and AsyncLocalStorage
 * context manager the services' OTLP setup registers, so the services started in this process (in-process
 * stacks) trace exactly as they would when exporting.
 */
export function startInMemoryTracing(): InMemoryTracing {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register();
  return {
    spans: () => exporter.getFinishedSpans(),
    async stop() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

import {
  context,
  INVALID_SPAN_CONTEXT,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';

export { SpanKind, type Context, type Span, type Tracer };

/** The active trace context, to hand to work that runs later (a queue, a limiter). */
export const activeContext = (): Context => context.active();

/**
 * Whether a propagator is registered (the SDK started, or a test's provider): without one no span records,
 * so boundaries skip the span bookkeeping altogether (CheckAccess and webhooks are hot paths; bench/).
 */
export const tracingActive = (): boolean => propagation.fields().length > 0;

const NOT_RECORDING = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/** The tracer of one service; its name tells which service made a span (tests read it). */
export const tracerFor = (service: string): Tracer => trace.getTracer(service);

/** W3C trace context carried on a Kafka record's headers or a gRPC call's metadata. */
export interface TraceCarrier {
  traceparent?: string | undefined;
  tracestate?: string | undefined;
}

/** The active context with the remote parent `carrier` names (the active context alone when it names none). */
export function contextFrom(carrier: TraceCarrier): Context {
  const clean: Record<string, string> = {};
  if (carrier.traceparent) clean.traceparent = carrier.traceparent;
  if (carrier.tracestate) clean.tracestate = carrier.tracestate;
  return propagation.extract(context.active(), clean);
}

/** The active span's `traceparent`, to put on an outgoing record; undefined when tracing is off or no span is active. */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** trace_id and span_id of the active span, for log lines; empty when there is none. */
export function activeTraceIds(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  const ids = span?.spanContext();
  if (!ids || !trace.isSpanContextValid(ids)) return {};
  return { trace_id: ids.traceId, span_id: ids.spanId };
}

/**
 * Runs `work` in a new span (child of `parent`, by default the active context) and ends it when `work`
 * settles; a thrown error is recorded on the span and thrown on. With tracing off, `work` runs at once with a
 * span that records nothing.
 */
export function withSpan<T>(
  tracer: Tracer,
  name: string,
  options: { kind: SpanKind; attributes?: Attributes; parent?: Context },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  if (!tracingActive()) return work(NOT_RECORDING);
  const parent = options.parent ?? context.active();
  return tracer.startActiveSpan(
    name,
    { kind: options.kind, ...(options.attributes ? { attributes: options.attributes } : {}) },
    parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

export { startTelemetry, tracingRequested, type Telemetry } from './sdk';
export {
  activeContext,
  activeTraceIds,
  activeTraceparent,
  contextFrom,
  SpanKind,
  tracerFor,
  tracingActive,
  withSpan,
  type Context,
  type Span,
  type TraceCarrier,
  type Tracer,
} from './spans';

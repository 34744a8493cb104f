import { InterceptingCall, type Interceptor, type Metadata } from '@grpc/grpc-js';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { contextFrom, tracingActive as tracing, withSpan } from '@teamseat/telemetry';

const tracer = trace.getTracer('teamseat-grpc');

/** `/teamseat.team.v1.TeamService/GetTeam` → the attributes of OpenTelemetry's RPC conventions. */
function rpcAttributes(path: string) {
  const [, service = '', method = ''] = path.split('/');
  return { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method };
}

/**
 * A client span per call, its context sent as `traceparent` metadata, so the server's span is its child; the
 * span ends with the call's status. Does nothing when tracing is off.
 */
export function traceInterceptor(): Interceptor {
  return (options, nextCall) => {
    if (!tracing()) return new InterceptingCall(nextCall(options));
    const path = options.method_definition.path;
    const span = tracer.startSpan(path, { kind: SpanKind.CLIENT, attributes: rpcAttributes(path) });
    return new InterceptingCall(nextCall(options), {
      start: (metadata, _listener, next) => {
        const carrier: Record<string, string> = {};
        propagation.inject(trace.setSpan(context.active(), span), carrier);
        for (const [key, value] of Object.entries(carrier)) metadata.set(key, value);
        // Only the hook we need: the others pass through (a full listener here would replace the chain).
        next(metadata, {
          onReceiveStatus: (status, nextStatus) => {
            span.setAttribute('rpc.grpc.status_code', status.code);
            if (status.code !== 0) span.setStatus({ code: SpanStatusCode.ERROR, message: status.details });
            span.end();
            nextStatus(status);
          },
        });
      },
    });
  };
}

/**
 * Runs a server handler in a server span, child of the caller's `traceparent` metadata; the handler's own
 * spans and log lines then belong to the caller's trace. Calls `run` directly when tracing is off.
 */
export function inServerSpan<T>(path: string, metadata: Metadata, run: () => Promise<T>): Promise<T> {
  if (!tracing()) return run();
  const value = (key: string) => metadata.get(key)[0]?.toString();
  const parent = contextFrom({ traceparent: value('traceparent'), tracestate: value('tracestate') });
  return withSpan(tracer, path, { kind: SpanKind.SERVER, attributes: rpcAttributes(path), parent }, run);
}

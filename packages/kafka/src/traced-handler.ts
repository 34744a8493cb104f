import { contextFrom, SpanKind, tracerFor, tracingActive, withSpan } from '@teamseat/telemetry';
import type { ReceivedMessage } from './received-message';

/**
 * `handler` run in a consumer span per record, child of the `traceparent` header the producer put on it, so
 * what handling the record does (calls, published events, log lines) joins the producer's trace. With tracing
 * off, `handler` runs as it is.
 */
export function tracedHandler<Rest extends unknown[]>(
  service: string,
  handler: (message: ReceivedMessage, ...rest: Rest) => Promise<void>,
): (message: ReceivedMessage, ...rest: Rest) => Promise<void> {
  const tracer = tracerFor(service);
  return (message, ...rest) => {
    if (!tracingActive()) return handler(message, ...rest);
    return withSpan(
      tracer,
      `process ${message.topic}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextFrom(message.headers),
        attributes: {
          'messaging.system': 'kafka',
          'messaging.destination.name': message.topic,
          'messaging.destination.partition.id': String(message.partition),
          'messaging.kafka.offset': Number(message.offset),
        },
      },
      () => handler(message, ...rest),
    );
  };
}

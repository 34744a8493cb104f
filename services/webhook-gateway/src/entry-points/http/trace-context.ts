import { randomUUID } from 'node:crypto';

// W3C Trace Context, version 00: version-traceid-parentid-flags; all-zero ids are invalid.
const TRACEPARENT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The `traceparent` to put on the Kafka message: the caller's when it sent a valid one (so a trace started
 * upstream continues), otherwise a fresh one, so every event can still be followed through the consumers.
 */
export function traceparentFor(incoming: string | undefined): string {
  if (incoming !== undefined && TRACEPARENT.test(incoming)) return incoming;
  // randomUUID draws from Node's pre-filled entropy cache, cheaper than two randomBytes calls per request;
  // a v4 UUID carries 122 random bits, plenty for a trace id.
  const traceId = randomUUID().replaceAll('-', '');
  const spanId = randomUUID().replaceAll('-', '').slice(16);
  return `00-${traceId}-${spanId}-01`;
}

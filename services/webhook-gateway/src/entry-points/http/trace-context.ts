import { randomBytes } from 'node:crypto';

// W3C Trace Context, version 00: version-traceid-parentid-flags; all-zero ids are invalid.
const TRACEPARENT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The `traceparent` to put on the Kafka message: the caller's when it sent a valid one (so a trace started
 * upstream continues), otherwise a fresh one, so every event can still be followed through the consumers.
 */
export function traceparentFor(incoming: string | undefined): string {
  if (incoming !== undefined && TRACEPARENT.test(incoming)) return incoming;
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

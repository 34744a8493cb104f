import { randomFillSync } from 'node:crypto';

// W3C Trace Context, version 00: version-traceid-parentid-flags; all-zero ids are invalid.
const TRACEPARENT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

// Random bytes are drawn six kilobytes at a time and handed out 24 per webhook (16 for the trace id, 8 for
// the span id): one hex conversion per webhook instead of two UUIDs and their string surgery (bench/gateway).
const pool = Buffer.allocUnsafe(24 * 256);
let used = pool.length;

function randomHex(bytes: number): string {
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const hex = pool.toString('hex', used, used + bytes);
  used += bytes;
  return hex;
}

/**
 * The `traceparent` to put on the Kafka message: the caller's when it sent a valid one (so a trace started
 * upstream continues), otherwise a fresh one, so every event can still be followed through the consumers.
 */
export function traceparentFor(incoming: string | undefined): string {
  if (incoming !== undefined && TRACEPARENT.test(incoming)) return incoming;
  const hex = randomHex(24);
  const traceId = hex.slice(0, 32);
  const spanId = hex.slice(32);
  return `00-${traceId}-${spanId}-01`;
}

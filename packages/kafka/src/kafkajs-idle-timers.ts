/**
 * kafkajs 2.2.4 (the last release) re-arms a timer every millisecond on every broker connection while
 * nothing waits in its request queue: `scheduleCheckPendingRequests` computes `throttledUntil - now`, which
 * is negative when the client is not throttled, and schedules the next check that soon
 * (tulios/kafkajs#1556, #1704; the fix in #1667 is unmerged). Each idle consumer and admin connection
 * then costs about a thousand timer callbacks a second (469 in 500 ms on one idle admin connection, test
 * kafkajs-idle-timers.int.test.ts): CPU, garbage and event-loop turns taken from the service's own work.
 *
 * Installed once, on import: a check is scheduled only when a request waits or a throttle is to be waited
 * out, as upstream intends. Requests that cannot go at once are queued and scheduled as before, and a
 * finished request checks the queue itself (requestQueue `fulfillRequest`).
 */
interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: unknown;
  scheduleCheckPendingRequests(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- kafkajs exposes the class only by path
const { prototype } = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueue };
const original = prototype.scheduleCheckPendingRequests;

function scheduleOnlyWhenNeeded(this: RequestQueue): void {
  const idle =
    !this.throttleCheckTimeoutId && this.pending.length === 0 && this.throttledUntil - Date.now() <= 0;
  if (!idle) original.call(this);
}

prototype.scheduleCheckPendingRequests = scheduleOnlyWhenNeeded;

/**
 * The per-user watermark (DESIGN §5): webhooks are triggers, and each one makes us fetch the customer.
 * Once a snapshot fetched at RevenueCat time T has been fully handled (changes published, team state
 * applied), every event generated before T is already reflected in it; handling such an event again would
 * only repeat a fetch. Skipping is an optimisation, never a correctness need, so anything doubtful is
 * handled: RevenueCat's sample payloads carry implausible `event_timestamp_ms` values.
 */
export interface WatermarkState {
  /** RevenueCat `request_date_ms` of the last snapshot whose handling finished. */
  settledAtMs?: number | undefined;
}

/** 2015-01-01: anything earlier is not a RevenueCat event time in milliseconds (seconds, or garbage). */
const EARLIEST_PLAUSIBLE_MS = Date.UTC(2015, 0, 1);

export function isPlausibleEventTime(eventTimestampMs: unknown): eventTimestampMs is number {
  return (
    typeof eventTimestampMs === 'number' &&
    Number.isFinite(eventTimestampMs) &&
    eventTimestampMs >= EARLIEST_PLAUSIBLE_MS
  );
}

/** True when the event is older than the state we already hold and handled: no fetch needed. */
export function isStaleEvent(eventTimestampMs: unknown, state: WatermarkState): boolean {
  if (!isPlausibleEventTime(eventTimestampMs)) return false;
  if (state.settledAtMs === undefined) return false;
  return eventTimestampMs < state.settledAtMs;
}

/**
 * A snapshot replaces the stored one only when it is at least as recent (by RevenueCat's clock): two
 * fetches for one user racing (a webhook and a SyncCustomer) must not leave the older one stored.
 */
export function isNewerSnapshot(
  incomingRequestDateMs: number,
  storedRequestDateMs: number | undefined,
): boolean {
  return storedRequestDateMs === undefined || incomingRequestDateMs >= storedRequestDateMs;
}

/** The watermark after handling a snapshot: it only moves forward. */
export function advanceWatermark(state: WatermarkState, handledRequestDateMs: number): WatermarkState {
  return { settledAtMs: Math.max(state.settledAtMs ?? Number.NEGATIVE_INFINITY, handledRequestDateMs) };
}

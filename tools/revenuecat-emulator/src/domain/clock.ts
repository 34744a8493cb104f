/**
 * The emulator's virtual clock. Every expiry, `request_date` and `event_timestamp_ms` reads it; tests move it
 * forward instead of waiting. Running: wall time plus an offset. Frozen: stands still until advanced or set.
 */
export interface VirtualClock {
  now(): number;
  advance(ms: number): number;
  set(ms: number): number;
  readonly frozen: boolean;
  /** Back to the state it had at start. */
  reset(): void;
}

export interface ClockOptions {
  /** Virtual time at start (ms since epoch); defaults to wall time. */
  startMs?: number;
  frozen?: boolean;
  /** Wall time (the composition passes Date.now; unit tests a variable). */
  wallNow: () => number;
}

export function createClock({ startMs, frozen = false, wallNow }: ClockOptions): VirtualClock {
  const initialOffset = startMs === undefined ? 0 : startMs - wallNow();
  let offset = initialOffset;
  let frozenAt = startMs ?? wallNow();

  const now = () => (frozen ? frozenAt : wallNow() + offset);
  return {
    frozen,
    now,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
      if (frozen) frozenAt += ms;
      else offset += ms;
      return now();
    },
    set(ms) {
      if (ms < now()) throw new RangeError('the clock only moves forward');
      if (frozen) frozenAt = ms;
      else offset = ms - wallNow();
      return now();
    },
    reset() {
      offset = initialOffset;
      frozenAt = startMs ?? wallNow();
    },
  };
}

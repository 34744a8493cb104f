import type { Timestamp, Timestamp__Output } from './generated/google/protobuf/Timestamp';

/** Epoch milliseconds as a google.protobuf.Timestamp (sub-millisecond parts become nanos). */
export const toTimestamp = (ms: number): Timestamp => ({
  seconds: Math.floor(ms / 1000),
  nanos: Math.round((ms - Math.floor(ms / 1000) * 1000) * 1e6),
});

/** A google.protobuf.Timestamp as epoch milliseconds (nanos below a millisecond dropped); unset: undefined. */
export const fromTimestamp = (timestamp: Timestamp__Output | null | undefined): number | undefined =>
  timestamp ? Number(timestamp.seconds) * 1000 + Math.floor(timestamp.nanos / 1e6) : undefined;

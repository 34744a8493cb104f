import type { Timestamp, Timestamp__Output } from '@teamseat/grpc';

export const toTimestamp = (ms: number): Timestamp => ({
  seconds: Math.floor(ms / 1000),
  nanos: Math.round((ms - Math.floor(ms / 1000) * 1000) * 1e6),
});

export const fromTimestamp = (timestamp: Timestamp__Output | null | undefined): number | undefined =>
  timestamp ? Number(timestamp.seconds) * 1000 + Math.floor(timestamp.nanos / 1e6) : undefined;

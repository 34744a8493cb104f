import { expect } from 'chai';
import fc from 'fast-check';
import { advanceWatermark, isNewerSnapshot, isStaleEvent } from '../../src/domain';
import type { WatermarkState } from '../../src/domain/watermark';
import { T0 } from '../support/subscribers';

describe('watermark', () => {
  it('when an event is older than the last handled snapshot, then it is stale', () => {
    expect(isStaleEvent(T0 - 1, { settledAtMs: T0 })).to.equal(true);
  });

  it('when an event is as new as or newer than the last handled snapshot, then it is handled', () => {
    expect(isStaleEvent(T0, { settledAtMs: T0 })).to.equal(false);
    expect(isStaleEvent(T0 + 1, { settledAtMs: T0 })).to.equal(false);
  });

  it('when no snapshot was handled yet, then no event is stale', () => {
    expect(isStaleEvent(T0, {})).to.equal(false);
  });

  it('when the event time is implausible (seconds, missing, not a number), then the event is handled', () => {
    for (const value of [1_700_000_000, undefined, null, 'x', Number.NaN, -1]) {
      expect(isStaleEvent(value, { settledAtMs: T0 })).to.equal(false);
    }
  });

  it('when a snapshot is older than the stored one, then it does not replace it', () => {
    expect(isNewerSnapshot(T0 - 1, T0)).to.equal(false);
    expect(isNewerSnapshot(T0, T0)).to.equal(true);
    expect(isNewerSnapshot(T0, undefined)).to.equal(true);
  });

  it('when snapshots are handled in any order, then the watermark ends at the newest', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: T0, max: T0 + 1e9 }), { minLength: 1 }), (times) => {
        const state = times.reduce<WatermarkState>((s, t) => advanceWatermark(s, t), {});
        expect(state.settledAtMs).to.equal(Math.max(...times));
      }),
    );
  });
});

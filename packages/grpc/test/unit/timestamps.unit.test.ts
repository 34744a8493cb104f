import { expect } from 'chai';
import fc from 'fast-check';
import { fromTimestamp, toTimestamp } from '../../src';

describe('timestamps', () => {
  it('when whole milliseconds go to a Timestamp and back, then they come back unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8_640_000_000_000, max: 8_640_000_000_000 }), (ms) => {
        const timestamp = toTimestamp(ms);
        const nanos = Number(timestamp.nanos);
        expect(nanos).to.be.within(0, 999_999_999);
        expect(fromTimestamp({ seconds: String(timestamp.seconds), nanos })).to.equal(ms);
      }),
    );
  });

  it('when a Timestamp is unset, then it reads as undefined', () => {
    expect(fromTimestamp(null)).to.equal(undefined);
    expect(fromTimestamp(undefined)).to.equal(undefined);
  });
});

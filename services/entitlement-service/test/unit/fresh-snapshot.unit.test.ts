import { expect } from 'chai';
import { freshSnapshotAgeMs } from '../../src/domain/snapshot-freshness';
import type { Subscriber } from '../../src/domain/subscriber';

const snapshot = {} as Subscriber;

describe('fresh snapshot (SyncCustomer without a RevenueCat read)', () => {
  it('when the snapshot was stored within the fresh age, then its age is answered', () => {
    expect(freshSnapshotAgeMs({ snapshot, syncedAt: new Date(1_000) }, 4_000, 10_000)).to.equal(3_000);
  });

  it('when it is as old as the fresh age or older, then it is not fresh', () => {
    expect(freshSnapshotAgeMs({ snapshot, syncedAt: new Date(1_000) }, 11_000, 10_000)).to.equal(undefined);
  });

  it('when the fresh age is 0 or there is no snapshot, then nothing is fresh', () => {
    expect(freshSnapshotAgeMs({ snapshot, syncedAt: new Date(1_000) }, 1_000, 0)).to.equal(undefined);
    expect(freshSnapshotAgeMs({ snapshot: undefined, syncedAt: new Date(1_000) }, 1_000, 10_000)).to.equal(
      undefined,
    );
    expect(freshSnapshotAgeMs(undefined, 1_000, 10_000)).to.equal(undefined);
  });

  it('when the wall clock stepped back, then the age is 0, not negative', () => {
    expect(freshSnapshotAgeMs({ snapshot, syncedAt: new Date(5_000) }, 4_000, 10_000)).to.equal(0);
  });
});

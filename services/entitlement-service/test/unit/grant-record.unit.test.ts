import { expect } from 'chai';
import fc from 'fast-check';
import { storeGrant } from '../../src/adapters/database/stored-grant';
import { LIFETIME, sameGrants, type GrantRecord, type GrantState } from '../../src/domain';

const STATES: GrantState[] = ['in-sync', 'grant-pending', 'revoke-pending', 'failed', 'revoked'];

// Small value sets, so that two drawn rows are often equal and the equal case is exercised too.
const expiryArb = fc.constantFrom(undefined, LIFETIME, 1_000, 2_000);
const msArb = fc.constantFrom(undefined, 5, 6);
const rowArb: fc.Arbitrary<GrantRecord> = fc.record({
  userId: fc.constant('u'),
  entitlement: fc.constantFrom('pro', 'max'),
  teamIds: fc.constantFrom([], ['t1'], ['t1', 't2'], ['t2', 't1']),
  desired: expiryArb,
  confirmed: expiryArb,
  confirmedAtMs: msArb,
  state: fc.constantFrom(...STATES),
  attempts: fc.constantFrom(0, 1),
  lastError: fc.constantFrom(undefined, 'boom'),
  lastAttemptAtMs: msArb,
  nextAttemptAtMs: msArb,
});
const rowsArb = fc.array(rowArb, { maxLength: 2 });

/** What the ledger stores: the rows are written when this text changes. */
const stored = (rows: GrantRecord[]) => JSON.stringify(rows.map(storeGrant));

describe('grant ledger rows', () => {
  it('when two lists of rows are compared, then they are the same exactly when their stored forms are', () => {
    fc.assert(
      fc.property(rowsArb, rowsArb, (a, b) => {
        expect(sameGrants(a, b)).to.equal(stored(a) === stored(b));
      }),
      { numRuns: 2_000 },
    );
  });

  it('when a row is compared with a copy of itself, then they are the same; lifetime differs from none', () => {
    fc.assert(fc.property(rowsArb, (rows) => sameGrants(rows, structuredClone(rows))));
    const row = fc.sample(rowArb, 1)[0]!;
    expect(sameGrants([{ ...row, desired: LIFETIME }], [{ ...row, desired: undefined }])).to.equal(false);
  });
});

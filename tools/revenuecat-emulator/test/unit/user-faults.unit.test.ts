import { expect } from 'chai';
import { activeUserFault, userOfPath, withoutExpired } from '../../src/domain/user-faults';

describe('per-user faults (domain)', () => {
  it('when a REST path concerns a user, then userOfPath names that user, decoded', () => {
    expect(userOfPath('/v1/subscribers/a%2Fb')).to.equal('a/b');
    expect(userOfPath('/v1/subscribers/u1/entitlements/pro/promotional')).to.equal('u1');
    expect(userOfPath('/v2/projects/p/customers/u2/actions/grant_entitlement')).to.equal('u2');
    expect(userOfPath('/v2/projects/p/entitlements')).to.equal(undefined);
    expect(userOfPath('/v1/subscribers/%E0%A4%A')).to.equal(undefined);
  });

  it('when a fault has run out, then it no longer applies and is dropped from the list', () => {
    const faults = {
      old: { status: 500 as const, untilMs: 100, retryAfterSeconds: 1 },
      open: { status: 429 as const, untilMs: null, retryAfterSeconds: 1 },
    };
    expect(activeUserFault(faults, 'old', 99)).to.include({ status: 500 });
    expect(activeUserFault(faults, 'old', 100)).to.equal(undefined);
    expect(activeUserFault(faults, 'open', 1e12)).to.include({ status: 429 });
    expect(activeUserFault(faults, 'other', 0)).to.equal(undefined);
    expect(activeUserFault(faults, 'constructor', 0)).to.equal(undefined);
    expect(Object.keys(withoutExpired(faults, 100))).to.deep.equal(['open']);
  });
});

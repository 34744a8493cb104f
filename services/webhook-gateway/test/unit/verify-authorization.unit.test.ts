import { expect } from 'chai';
import fc from 'fast-check';
import { createAuthorizationVerifier } from '../../src/domain/verify-authorization';

describe('verifyAuthorization', () => {
  const current = 'Bearer current-secret';
  const previous = 'Bearer previous-secret';

  it('when the header equals the configured value, then it is accepted', () => {
    const verify = createAuthorizationVerifier({ accepted: [current] });
    expect(verify(current)).to.equal('accepted');
  });

  it('when the header is absent or empty, then the outcome is missing', () => {
    const verify = createAuthorizationVerifier({ accepted: [current] });
    expect(verify(undefined)).to.equal('missing');
    expect(verify('')).to.equal('missing');
  });

  it('when the header is a prefix, an extension or a case variant of the value, then it is a mismatch', () => {
    const verify = createAuthorizationVerifier({ accepted: [current] });
    for (const header of [
      'Bearer current',
      `${current} `,
      `${current}x`,
      current.toUpperCase(),
      'current-secret',
    ]) {
      expect(verify(header), header).to.equal('mismatch');
    }
  });

  it('when a rotation is under way, then both the current and the previous value are accepted', () => {
    const verify = createAuthorizationVerifier({ accepted: [current, previous] });
    expect(verify(current)).to.equal('accepted');
    expect(verify(previous)).to.equal('accepted');
    expect(verify('Bearer other')).to.equal('mismatch');
  });

  it('when the previous value is no longer configured, then it is refused', () => {
    const verify = createAuthorizationVerifier({ accepted: [current] });
    expect(verify(previous)).to.equal('mismatch');
  });

  it('when no value is configured, then creating the verifier fails', () => {
    expect(() => createAuthorizationVerifier({ accepted: [] })).to.throw(/at least one/);
    expect(() => createAuthorizationVerifier({ accepted: [''] })).to.throw(/at least one/);
  });

  it('when any header other than the configured values is sent, then it is never accepted', () => {
    const verify = createAuthorizationVerifier({ accepted: [current, previous] });
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (header) => {
        fc.pre(header !== current && header !== previous);
        return verify(header) === 'mismatch';
      }),
    );
  });
});

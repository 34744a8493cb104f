import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { AppError } from '@teamseat/errors';
import {
  buildEntitlementChange,
  decodeEntitlementChange,
  ENTITLEMENT_CHANGED_TYPE,
  encodeEntitlementChange,
} from '@teamseat/contracts';

const v1Fixtures = JSON.parse(
  readFileSync(path.join(__dirname, '../fixtures/entitlement-changes.v1.json'), 'utf8'),
) as unknown[];

function change(data: Record<string, unknown> = {}) {
  return buildEntitlementChange(
    {
      userId: 'member-1',
      entitlement: 'pro',
      active: true,
      expiresAt: '2025-02-02T00:00:00.000Z',
      source: { kind: 'team-grant', teamId: 'team-1' },
      cause: 'team-event',
      ...data,
    },
    { id: 'chg-1', source: '/teamseat/entitlement-service', time: '2025-01-01T00:00:00.000Z' },
  );
}

describe('entitlement changes', function () {
  it('when a v1 message written by the first release is decoded, then it still parses', function () {
    for (const fixture of v1Fixtures) {
      const decoded = decodeEntitlementChange(JSON.stringify(fixture));
      expect(decoded.type).to.equal(ENTITLEMENT_CHANGED_TYPE);
      expect(decoded.data.source.kind).to.equal('team-grant');
    }
  });

  it('when a change is encoded and decoded, then it comes back equal with the user as subject', function () {
    const decoded = decodeEntitlementChange(encodeEntitlementChange(change()));
    expect(decoded).to.deep.equal(change());
    expect(decoded.subject).to.equal('member-1');
  });

  it('when access ends or is lifetime, then a null expiry is valid', function () {
    const ended = change({ active: false, expiresAt: null, source: { kind: 'none' }, cause: 'expiry' });
    expect(decodeEntitlementChange(encodeEntitlementChange(ended)).data.active).to.equal(false);
    const lifetime = change({ expiresAt: null, source: { kind: 'store', productId: 'lifetime_unlock' } });
    expect(decodeEntitlementChange(encodeEntitlementChange(lifetime)).data.expiresAt).to.equal(null);
  });

  it('when a team grant names no team, then the error names source.teamId', function () {
    expect(() => encodeEntitlementChange(change({ source: { kind: 'team-grant' } }))).to.throw(
      AppError,
      'data.source.teamId: is required when kind is team-grant',
    );
  });

  it('when fields are wrong, then decoding names each of them', function () {
    const bad = { ...change(), data: { ...change().data, active: 'yes', cause: 'magic' } };
    try {
      decodeEntitlementChange(JSON.stringify(bad));
      expect.fail('expected a rejection');
    } catch (error) {
      expect(error).to.be.instanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).to.equal('INVALID_ARGUMENT');
      expect(appError.message).to.contain('data.active').and.to.contain('data.cause');
    }
    expect(() => decodeEntitlementChange(JSON.stringify({ ...change(), subject: 'other' }))).to.throw(
      'subject: must equal data.userId',
    );
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { AppError } from '@teamseat/errors';
import {
  buildMemberGrantTerms,
  decodeMemberGrantTerms,
  encodeMemberGrantTerms,
  MEMBER_GRANT_TERMS_TYPE,
  type MemberGrantTermsDataInput,
} from '@teamseat/contracts';

const v1Fixtures = JSON.parse(
  readFileSync(path.join(__dirname, '../fixtures/member-grants.v1.json'), 'utf8'),
) as unknown[];

const attributes = { source: '/teamseat/team-service', time: '2025-01-01T00:00:00.000Z' };

function fact(data: Partial<MemberGrantTermsDataInput> = {}) {
  return buildMemberGrantTerms(
    {
      userId: 'member-1',
      teamId: 'team-1',
      teamVersion: 3,
      productId: 'team_pro_monthly',
      entitlements: ['pro'],
      grant: { kind: 'until', until: '2025-02-01T00:00:00.000Z' },
      ...data,
    },
    attributes,
  );
}

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('member grant terms', function () {
  it('when a v1 fact written by the first release is decoded, then it still parses', function () {
    const kinds = v1Fixtures.map(
      (fixture) => decodeMemberGrantTerms(JSON.stringify(fixture)).data.grant.kind,
    );
    expect(kinds).to.deep.equal(['until', 'lifetime', 'none']);
  });

  it('when a fact is built twice for one (team, version, user), then both have the same id', function () {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.string({ minLength: 1 }), (teamVersion, userId) => {
        expect(fact({ teamVersion, userId }).id).to.equal(fact({ teamVersion, userId }).id);
        expect(fact({ teamVersion, userId }).id).to.not.equal(
          fact({ teamVersion: teamVersion + 1, userId }).id,
        );
      }),
    );
  });

  it('when a fact is encoded and decoded, then it comes back equal with the user as subject', function () {
    const decoded = decodeMemberGrantTerms(encodeMemberGrantTerms(fact({ grant: { kind: 'lifetime' } })));
    expect(decoded.type).to.equal(MEMBER_GRANT_TERMS_TYPE);
    expect(decoded.subject).to.equal('member-1');
    expect(decoded.data.grant).to.deep.equal({ kind: 'lifetime' });
  });

  it('when the subject is not the user, then encoding names the subject', function () {
    const error = rejection(() => encodeMemberGrantTerms({ ...fact(), subject: 'someone-else' }));
    expect(error.reason).to.equal('INVALID_ENVELOPE');
    expect(error.message).to.include('subject');
  });

  it('when a grant until has no date or the version is 0, then decoding names the field', function () {
    const noDate = { ...fact(), data: { ...fact().data, grant: { kind: 'until' } } };
    expect(rejection(() => decodeMemberGrantTerms(JSON.stringify(noDate))).message).to.include('until');
    const zero = { ...fact(), data: { ...fact().data, teamVersion: 0 } };
    expect(rejection(() => decodeMemberGrantTerms(JSON.stringify(zero))).message).to.include('teamVersion');
  });
});

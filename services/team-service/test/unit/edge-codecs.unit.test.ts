import { AppError } from '@teamseat/errors';
import { expect } from 'chai';
import fc from 'fast-check';
import {
  formatInviteToken,
  hashSecret,
  parseInviteToken,
  secretMatches,
} from '../../src/domain/invite-token';
import { pageOfMembers } from '../../src/application/team-queries';
import { decodePageToken, encodePageToken } from '@teamseat/grpc';
import {
  pageSizeOf,
  requireEmail,
  requireId,
  timestampOf,
  toTimestamp,
} from '../../src/entry-points/grpc/validation';
import { team } from '../support/domain-fixtures';

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? `${error.reason} ${String(error.details.field)}` : 'thrown';
  }
};

describe('edge codecs and checks', () => {
  it('when ids are validated, then empty, long, blank and control-character ids are refused naming the field', () => {
    expect(reasonOf(() => requireId('team_id', ''))).to.equal('INVALID_ARGUMENT team_id');
    expect(reasonOf(() => requireId('team_id', 'x'.repeat(513)))).to.equal('INVALID_ARGUMENT team_id');
    expect(reasonOf(() => requireId('user_id', '   '))).to.equal('INVALID_ARGUMENT user_id');
    expect(reasonOf(() => requireId('user_id', 'a\u0085b'))).to.equal('INVALID_ARGUMENT user_id');
    expect(reasonOf(() => requireId('user_id', '{"$ne": null}'))).to.equal('ok');
    expect(reasonOf(() => requireId('user_id', 'x'.repeat(512)))).to.equal('ok');
  });

  it('when emails and page sizes are checked, then they are normalised or refused', () => {
    expect(requireEmail('email', ' Bob@Example.ORG ')).to.equal('bob@example.org');
    expect(reasonOf(() => requireEmail('email', 'bob@'))).to.equal('INVALID_EMAIL email');
    expect(pageSizeOf('page_size', 0)).to.equal(50);
    expect(pageSizeOf('page_size', 10_000)).to.equal(500);
    expect(reasonOf(() => pageSizeOf('page_size', -1))).to.equal('INVALID_ARGUMENT page_size');
  });

  it('when timestamps round-trip, then the millisecond survives', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true }), (date) => {
        expect(timestampOf('t', toTimestamp(date))?.getTime()).to.equal(date.getTime());
      }),
    );
  });

  it('when an invite token is formatted and parsed, then it round-trips and only its secret matches', () => {
    const token = formatInviteToken({ teamId: 'a1b2-c3', inviteId: 'd4-e5', secret: 'Zm9v_bar-baz' });
    expect(parseInviteToken(token)).to.deep.equal({
      teamId: 'a1b2-c3',
      inviteId: 'd4-e5',
      secret: 'Zm9v_bar-baz',
    });
    expect(parseInviteToken('a.b')).to.equal(null);
    expect(parseInviteToken('a.b.c$')).to.equal(null);
    expect(secretMatches('Zm9v_bar-baz', hashSecret('Zm9v_bar-baz'))).to.equal(true);
    expect(secretMatches('Zm9v_bar-baZ', hashSecret('Zm9v_bar-baz'))).to.equal(false);
  });

  it('when a page token is decoded, then it must come from the same listing and filter', () => {
    const token = encodePageToken(['members', 't1', []], { addedAt: 5, userId: 'u' });
    expect(
      decodePageToken(token, ['members', 't1', []], { addedAt: 'number', userId: 'string' }),
    ).to.deep.equal({ addedAt: 5, userId: 'u' });
    expect(
      reasonOf(() => decodePageToken(token, ['members', 't2', []], { addedAt: 'number', userId: 'string' })),
    ).to.equal('INVALID_PAGE_TOKEN page_token');
    expect(reasonOf(() => decodePageToken('%%%', ['members'], { addedAt: 'number' }))).to.equal(
      'INVALID_PAGE_TOKEN page_token',
    );
  });

  it('when the roster is paged with any page size, then every member appears exactly once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 7 }), (size, pageSize) => {
        const current = team(
          {},
          Array.from({ length: size }, (_, i) => `m${i}`),
        );
        const seen: string[] = [];
        let after = null;
        do {
          const page = pageOfMembers(current, { roles: [], after, pageSize });
          seen.push(...page.items.map((m) => m.userId));
          after = page.next;
        } while (after);
        expect(seen).to.deep.equal(['owner', ...Array.from({ length: size }, (_, i) => `m${i}`)]);
      }),
    );
  });
});

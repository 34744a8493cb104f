import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { AppError } from '@teamseat/errors';
import {
  buildTeamEvent,
  decodeTeamEvent,
  encodeStoredTeamEvent,
  encodeTeamEvent,
  TEAM_EVENT_TYPES,
  type TeamEvent,
} from '@teamseat/contracts';

const v1Fixtures = JSON.parse(
  readFileSync(path.join(__dirname, '../fixtures/team-events.v1.json'), 'utf8'),
) as Record<string, unknown>[];

function memberAdded(overrides: Record<string, unknown> = {}) {
  return buildTeamEvent(
    TEAM_EVENT_TYPES.MemberAdded,
    {
      teamId: 'team-1',
      ownerUserId: 'owner-1',
      productId: 'team_pro_monthly',
      teamVersion: 2,
      status: 'active',
      seatLimit: 3,
      periodEndsAt: '2025-02-01T00:00:00.000Z',
      memberEntitlements: ['pro'],
      grantMode: 'period',
      userId: 'member-1',
      role: 'member',
      addedBy: 'owner-1',
      holdsSeat: true,
      inviteId: null,
      ...overrides,
    },
    { id: 'evt-1', source: '/teamseat/team-service', time: new Date('2025-01-01T00:00:00Z') },
  );
}

function decodeError(value: unknown): AppError {
  try {
    decodeTeamEvent(JSON.stringify(value));
  } catch (error) {
    expect(error).to.be.instanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected decodeTeamEvent to throw');
}

describe('team events', function () {
  it('when a v1 message written by the first release is decoded, then it still parses', function () {
    expect(v1Fixtures.map((e) => e['type'])).to.have.members(Object.values(TEAM_EVENT_TYPES));
    for (const fixture of v1Fixtures) {
      const event = decodeTeamEvent(Buffer.from(JSON.stringify(fixture)));
      expect(event.type).to.equal(fixture['type']);
      expect(event.subject).to.equal(event.data.teamId);
    }
  });

  it('when an event is built, encoded and decoded, then it comes back equal and narrowed by type', function () {
    const decoded: TeamEvent = decodeTeamEvent(encodeTeamEvent(memberAdded()));
    expect(decoded).to.deep.equal(memberAdded());
    if (decoded.type !== TEAM_EVENT_TYPES.MemberAdded) throw new Error('wrong type');
    expect(decoded.data.userId).to.equal('member-1');
    expect(decoded.specversion).to.equal('1.0');
  });

  it('when a field is wrong, then encoding fails with INVALID_ARGUMENT naming the field', function () {
    const wrong = { ...memberAdded(), data: { ...memberAdded().data, seatLimit: '3' } };
    expect(() => encodeTeamEvent(wrong as never)).to.throw(AppError, 'data.seatLimit: Expected number');
    const error = decodeError({ ...memberAdded(), data: { ...memberAdded().data, role: 'boss' } });
    expect(error.code).to.equal('INVALID_ARGUMENT');
    expect(error.reason).to.equal('INVALID_ENVELOPE');
    expect(error.details['field']).to.equal('data.role');
  });

  it('when attributes are missing or malformed, then the error names them', function () {
    const { id: _id, ...withoutId } = memberAdded();
    expect(decodeError(withoutId).message).to.contain('id: Required');
    expect(decodeError({ ...memberAdded(), specversion: '0.3' }).message).to.contain('specversion');
    expect(decodeError({ ...memberAdded(), time: 'yesterday' }).message).to.contain('time: Invalid datetime');
    expect(decodeError({ ...memberAdded(), subject: 'team-2' }).message).to.contain(
      'subject: must equal data.teamId',
    );
    expect(
      decodeError({ ...memberAdded(), data: { ...memberAdded().data, periodEndsAt: 5 } }).details['field'],
    ).to.equal('data.periodEndsAt');
  });

  it('when an event read back from storage is encoded, then the contract checks its run-time type and data', function () {
    const stored: Record<string, unknown> = { ...memberAdded() };
    expect(decodeTeamEvent(encodeStoredTeamEvent(stored)).type).to.equal(TEAM_EVENT_TYPES.MemberAdded);
    const unknownType = () => encodeStoredTeamEvent({ ...stored, type: 'teamseat.team.Renamed.v1' });
    expect(unknownType).to.throw(AppError).with.property('reason', 'UNKNOWN_EVENT_TYPE');
    const badData = () => encodeStoredTeamEvent({ ...stored, data: { ...memberAdded().data, userId: '' } });
    expect(badData).to.throw(AppError, 'userId');
  });

  it('when the value is not JSON, then it fails with INVALID_ENVELOPE', function () {
    expect(() => decodeTeamEvent('{not json')).to.throw(AppError, 'envelope: is not JSON');
  });

  it('when a newer producer sends an unknown team event type, then the reason is UNKNOWN_EVENT_TYPE', function () {
    const error = decodeError({ ...memberAdded(), type: 'teamseat.team.SeatsDonated.v1' });
    expect(error.reason).to.equal('UNKNOWN_EVENT_TYPE');
    expect(decodeError({ ...memberAdded(), type: 'something.else' }).reason).to.equal('INVALID_ENVELOPE');
  });

  it('when a producer adds optional fields and extension attributes, then old consumers keep them', function () {
    const event = { ...memberAdded(), partitionkey: 'x', data: { ...memberAdded().data, seatNumber: 4 } };
    const decoded = decodeTeamEvent(JSON.stringify(event));
    expect(decoded['partitionkey']).to.equal('x');
    expect(decoded.data['seatNumber']).to.equal(4);
  });

  it('when datacontenttype is absent, then it defaults to application/json', function () {
    const { datacontenttype: _omitted, ...rest } = memberAdded();
    expect(decodeTeamEvent(JSON.stringify(rest)).datacontenttype).to.equal('application/json');
  });

  it('when any member-removed reason and role are used, then the event round-trips', function () {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'removed-by-admin',
          'left',
          'seat-limit-reduced',
          'team-expired',
          'ownership-transferred',
        ),
        fc.constantFrom('owner', 'admin', 'member'),
        fc.option(fc.string({ minLength: 1 }), { nil: null }),
        (reason, role, removedBy) => {
          const base = memberAdded().data;
          const event = buildTeamEvent(
            TEAM_EVENT_TYPES.MemberRemoved,
            {
              teamId: base.teamId,
              ownerUserId: base.ownerUserId,
              productId: base.productId,
              teamVersion: 3,
              status: 'active',
              seatLimit: 3,
              periodEndsAt: null,
              memberEntitlements: ['pro'],
              grantMode: 'lifetime',
              userId: 'member-1',
              role,
              reason,
              removedBy,
            },
            { id: 'evt-2', source: '/teamseat/team-service' },
          );
          expect(decodeTeamEvent(encodeTeamEvent(event))).to.deep.equal(event);
        },
      ),
    );
  });
});

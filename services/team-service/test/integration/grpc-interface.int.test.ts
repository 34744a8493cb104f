import { Metadata } from '@grpc/grpc-js';
import { createClient, status } from '@teamseat/grpc';
import { Reader } from 'protobufjs/minimal';
import { expect } from 'chai';
import { eventsOf, publishedEvents } from '../support/events';
import { listServices, healthStatus } from '@teamseat/testing';
import {
  expectFailure,
  provisionTeam,
  startHarness,
  subscriptionState,
  TeamServiceCtor,
  type Harness,
} from '../support/harness';

/** Reads google.rpc.Status → the ErrorInfo (reason, domain, metadata) inside grpc-status-details-bin. */
function errorInfoOf(bin: Buffer): { reason: string; domain: string; metadata: Record<string, string> } {
  const status = new Reader(bin);
  const info = { reason: '', domain: '', metadata: {} as Record<string, string> };
  while (status.pos < status.len) {
    const tag = status.uint32();
    if (tag >>> 3 !== 3) {
      status.skipType(tag & 7);
      continue;
    }
    const any = new Reader(status.bytes());
    while (any.pos < any.len) {
      const anyTag = any.uint32();
      if (anyTag >>> 3 !== 2) {
        any.skipType(anyTag & 7);
        continue;
      }
      const reader = new Reader(any.bytes());
      while (reader.pos < reader.len) {
        const field = reader.uint32();
        if (field >>> 3 === 1) info.reason = reader.string();
        else if (field >>> 3 === 2) info.domain = reader.string();
        else if (field >>> 3 === 3) {
          const entry = new Reader(reader.bytes());
          let key = '';
          let value = '';
          while (entry.pos < entry.len) {
            const entryTag = entry.uint32();
            if (entryTag >>> 3 === 1) key = entry.string();
            else value = entry.string();
          }
          info.metadata[key] = value;
        } else reader.skipType(field & 7);
      }
    }
  }
  return info;
}

describe('team-service gRPC interface', () => {
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  it('when the token is missing or unknown, then UNAUTHENTICATED', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const client = createClient(TeamServiceCtor, { address: harness.address, token });
      const error = await new Promise<{ code: number }>((resolve) =>
        client.GetTeam({ teamId: 'x' }, (e) => resolve(e as unknown as { code: number })),
      );
      client.close();
      expect(status[error.code]).to.equal('UNAUTHENTICATED');
    }
  });

  it('when an id is empty, too long or has control characters, then INVALID_ARGUMENT names the field', async () => {
    const cases: Array<[object, string]> = [
      [{ teamId: '', userId: 'u', actorUserId: 'a' }, 'team_id'],
      [{ teamId: 't', userId: 'x'.repeat(1501), actorUserId: 'a' }, 'user_id'],
      [{ teamId: 't', userId: 'u', actorUserId: 'a\nb' }, 'actor_user_id'],
      [{ teamId: 't', userId: 'u\u0000', actorUserId: 'a' }, 'user_id'],
      [{ teamId: 't', userId: 'u', actorUserId: '' }, 'actor_user_id'],
    ];
    for (const [request, field] of cases) {
      const error = await expectFailure(
        harness.app('AddMember', request),
        status.INVALID_ARGUMENT,
        'INVALID_ARGUMENT',
      );
      expect(error.details.startsWith(`${field}:`), error.details).to.equal(true);
      expect(errorInfoOf(error.metadata.get('grpc-status-details-bin')[0] as Buffer).metadata.field).to.equal(
        field,
      );
    }
    // The longest user id RevenueCat takes (ADR 0015) is stored and found as it is.
    const longest = 'x'.repeat(1500);
    expect((await harness.app('ListTeamsOfUser', { userId: longest })).memberships).to.deep.equal([]);
    const { team, owner } = await provisionTeam(harness, { seats: 3 });
    await harness.app('AddMember', { teamId: team.teamId, userId: longest, actorUserId: owner });
    const { memberships } = await harness.app('ListTeamsOfUser', { userId: longest });
    expect(memberships.map((m: { team: { teamId: string } }) => m.team.teamId)).to.deep.equal([team.teamId]);
    await expectFailure(
      harness.app('ListMembers', { teamId: 't', pageSize: -1 }),
      status.INVALID_ARGUMENT,
      'INVALID_ARGUMENT',
    );
    await expectFailure(
      harness.app('ListMembers', { teamId: 't', pageToken: 'bm9wZQ' }),
      status.INVALID_ARGUMENT,
      'INVALID_PAGE_TOKEN',
    );
  });

  it('when an id looks like a query operator, then it is a string that matches nobody', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 3 });
    await harness.app('AddMember', { teamId: team.teamId, userId: 'real', actorUserId: owner });
    await expectFailure(
      harness.app('GetTeam', { teamId: '{"$ne": null}' }),
      status.NOT_FOUND,
      'TEAM_NOT_FOUND',
    );
    await expectFailure(
      harness.app('AddMember', { teamId: team.teamId, userId: 'sneaky', actorUserId: '{"$ne": "x"}' }),
      status.PERMISSION_DENIED,
      'NOT_TEAM_MANAGER',
    );
    const list = await harness.app('ListTeamsOfUser', { userId: '{"$gt": ""}' });
    expect(list.memberships).to.deep.equal([]);
    await expectFailure(
      harness.app('RemoveMember', { teamId: team.teamId, userId: '{"$exists": true}', actorUserId: owner }),
      status.NOT_FOUND,
      'NOT_A_MEMBER',
    );
  });

  it('when a call fails, then the status carries a google.rpc.ErrorInfo with the reason and the error-reason trailer', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 1 });
    await harness.app('AddMember', { teamId: team.teamId, userId: 'a', actorUserId: owner });
    const error = await expectFailure(
      harness.app('AddMember', { teamId: team.teamId, userId: 'b', actorUserId: owner }),
      status.RESOURCE_EXHAUSTED,
      'SEAT_LIMIT_REACHED',
    );
    const info = errorInfoOf(error.metadata.get('grpc-status-details-bin')[0] as Buffer);
    expect(info).to.deep.include({ reason: 'SEAT_LIMIT_REACHED', domain: 'teamseat.dev' });
    expect(info.metadata).to.include({ seatsUsed: '1', seatLimit: '1' });
  });

  it('when the deadline has already passed, then DEADLINE_EXCEEDED and nothing changes', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 3 });
    const error = await harness
      .app('AddMember', { teamId: team.teamId, userId: 'late', actorUserId: owner }, { deadlineMs: -1 })
      .catch((e: { code: number }) => e);
    expect(status[(error as { code: number }).code]).to.equal('DEADLINE_EXCEEDED');
    const members = await harness.app('ListMembers', { teamId: team.teamId });
    expect(members.totalSize).to.equal(1);
  });

  it('when asked without a token, then health says SERVING and reflection lists the service', async () => {
    expect(await healthStatus(harness.address)).to.equal('SERVING');
    expect(await healthStatus(harness.address, 'teamseat.team.v1.TeamService')).to.equal('SERVING');
    expect(await listServices(harness.address)).to.include('teamseat.team.v1.TeamService');
    const ready = await fetch(`http://127.0.0.1:${harness.service.adminPort}/readyz`);
    expect(ready.status).to.equal(200);
    expect(await ready.json()).to.deep.include({ status: 'ready', checks: { mongodb: true } });
    const metrics = await (await fetch(`http://127.0.0.1:${harness.service.adminPort}/metrics`)).text();
    expect(metrics).to.contain('grpc_server_handled_total');
    expect(metrics).to.contain('team_outbox_published_events_total');
  });

  it('when metadata carries a trace context, then the events of the call carry it too', async () => {
    const metadata = new Metadata();
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    metadata.set('traceparent', traceparent);
    const { team, owner } = await provisionTeam(harness, { seats: 3 });
    await harness.app(
      'AddMember',
      { teamId: team.teamId, userId: 'traced', actorUserId: owner },
      { metadata },
    );
    const events = eventsOf(await publishedEvents(harness), team.teamId);
    expect(events[events.length - 1]!.traceparent).to.equal(traceparent);
  });

  it('when ApplySubscriptionState fields are missing or out of range, then INVALID_ARGUMENT names the field', async () => {
    const cases: Array<[object, string]> = [
      [{ subscriberUserId: '' }, 'subscriber_user_id'],
      [{ seatLimit: 100_001 }, 'seat_limit'],
      [{ seatLimit: -1 }, 'seat_limit'],
      [{ seatLimit: 0 }, 'seat_limit'],
      [{ status: 'TEAM_STATUS_UNSPECIFIED' }, 'status'],
      [{ memberEntitlements: [] }, 'member_entitlements'],
      [{ managementEntitlement: 'a\u0007b' }, 'management_entitlement'],
    ];
    for (const [override, field] of cases) {
      const error = await expectFailure(
        harness.internal('ApplySubscriptionState', { ...subscriptionState(), ...override }),
        status.INVALID_ARGUMENT,
        'INVALID_ARGUMENT',
      );
      expect(error.details).to.contain(field);
    }
  });
});

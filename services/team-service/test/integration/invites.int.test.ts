import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import { eventsOf, publishedEvents, typeName } from '../support/events';
import { expectFailure, provisionTeam, startHarness, type Harness } from '../support/harness';

const HOUR = 3_600_000;

describe('team-service invites over gRPC', () => {
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  async function invite(teamId: string, actor: string, email: string, ttlHours = 0) {
    return harness.app('InviteByEmail', { teamId, email, ttlHours, actorUserId: actor });
  }

  it('when an address is invited and the invite accepted, then it held a seat and the acceptor becomes a member', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 2 });
    const created = await invite(team.teamId, owner, '  Alice@Example.COM ');
    expect(created.invite).to.include({
      email: 'alice@example.com',
      status: 'INVITE_STATUS_PENDING',
      createdBy: owner,
    });
    expect(created.invite.token).to.match(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const weekFromNow = harness.clock.now().getTime() + 168 * HOUR;
    expect(Number(created.invite.expiresAt.seconds) * 1000).to.be.closeTo(weekFromNow, 5_000);
    expect(created.team).to.include({ seatsUsed: 0, pendingInvites: 1, seatsAvailable: 1 });

    const accepted = await harness.app('AcceptInvite', { token: created.invite.token, actorUserId: 'alice' });
    expect(accepted.member).to.include({
      userId: 'alice',
      addedBy: owner,
      inviteId: created.invite.inviteId,
      holdsSeat: true,
    });
    expect(accepted.invite).to.include({ status: 'INVITE_STATUS_ACCEPTED', acceptedBy: 'alice', token: '' });
    expect(accepted.team).to.include({ seatsUsed: 1, pendingInvites: 0, seatsAvailable: 1 });

    const types = eventsOf(await publishedEvents(harness), team.teamId).map(typeName);
    expect(types).to.deep.equal(['TeamProvisioned', 'InviteCreated', 'InviteAccepted', 'MemberAdded']);
  });

  it('when the pending invites fill the seats, then neither another invite nor an add fits', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 1 });
    await invite(team.teamId, owner, 'one@example.com');
    const error = await expectFailure(
      invite(team.teamId, owner, 'two@example.com'),
      status.RESOURCE_EXHAUSTED,
      'SEAT_LIMIT_REACHED',
    );
    expect(error.details).to.contain('1 of 1 seats used');
    await expectFailure(
      harness.app('AddMember', { teamId: team.teamId, userId: 'direct', actorUserId: owner }),
      status.RESOURCE_EXHAUSTED,
      'SEAT_LIMIT_REACHED',
    );
  });

  it('when the address already has a pending invite or is malformed, then ALREADY_EXISTS or INVALID_ARGUMENT', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 3 });
    await invite(team.teamId, owner, 'dup@example.com');
    await expectFailure(
      invite(team.teamId, owner, 'DUP@example.com'),
      status.ALREADY_EXISTS,
      'INVITE_ALREADY_PENDING',
    );
    const bad = await expectFailure(
      invite(team.teamId, owner, 'not-an-email'),
      status.INVALID_ARGUMENT,
      'INVALID_EMAIL',
    );
    expect(bad.details).to.contain('email');
  });

  it('when a plain member invites, revokes or lists, then PERMISSION_DENIED NOT_TEAM_MANAGER', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 3 });
    await harness.app('AddMember', { teamId: team.teamId, userId: 'plain', actorUserId: owner });
    const { invite: created } = await invite(team.teamId, owner, 'x@example.com');
    await expectFailure(
      invite(team.teamId, 'plain', 'y@example.com'),
      status.PERMISSION_DENIED,
      'NOT_TEAM_MANAGER',
    );
    await expectFailure(
      harness.app('RevokeInvite', { teamId: team.teamId, inviteId: created.inviteId, actorUserId: 'plain' }),
      status.PERMISSION_DENIED,
      'NOT_TEAM_MANAGER',
    );
    await expectFailure(
      harness.app('ListInvites', { teamId: team.teamId, actorUserId: 'plain' }),
      status.PERMISSION_DENIED,
      'NOT_TEAM_MANAGER',
    );
  });

  it('when the token is wrong, used twice or presented by a member, then INVITE_NOT_FOUND, INVITE_NOT_PENDING or ALREADY_MEMBER', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 3 });
    await harness.app('AddMember', { teamId: team.teamId, userId: 'already', actorUserId: owner });
    const { invite: created } = await invite(team.teamId, owner, 'b@example.com');
    const forged = created.token.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await expectFailure(
      harness.app('AcceptInvite', { token: forged, actorUserId: 'bob' }),
      status.NOT_FOUND,
      'INVITE_NOT_FOUND',
    );
    await expectFailure(
      harness.app('AcceptInvite', { token: 'garbage', actorUserId: 'bob' }),
      status.INVALID_ARGUMENT,
      'INVALID_ARGUMENT',
    );
    await expectFailure(
      harness.app('AcceptInvite', { token: created.token, actorUserId: 'already' }),
      status.ALREADY_EXISTS,
      'ALREADY_MEMBER',
    );
    await harness.app('AcceptInvite', { token: created.token, actorUserId: 'bob' });
    await expectFailure(
      harness.app('AcceptInvite', { token: created.token, actorUserId: 'carol' }),
      status.FAILED_PRECONDITION,
      'INVITE_NOT_PENDING',
    );
  });

  it('when an invite is revoked, then its seat is free and its token no longer works', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 1 });
    const { invite: created } = await invite(team.teamId, owner, 'c@example.com');
    const revoked = await harness.app('RevokeInvite', {
      teamId: team.teamId,
      inviteId: created.inviteId,
      actorUserId: owner,
    });
    expect(revoked.invite.status).to.equal('INVITE_STATUS_REVOKED');
    expect(revoked.team).to.include({ pendingInvites: 0, seatsAvailable: 1 });
    await expectFailure(
      harness.app('AcceptInvite', { token: created.token, actorUserId: 'carol' }),
      status.FAILED_PRECONDITION,
      'INVITE_NOT_PENDING',
    );
    await expectFailure(
      harness.app('RevokeInvite', { teamId: team.teamId, inviteId: created.inviteId, actorUserId: owner }),
      status.FAILED_PRECONDITION,
      'INVITE_NOT_PENDING',
    );
    await expectFailure(
      harness.app('RevokeInvite', { teamId: team.teamId, inviteId: 'no-such-invite', actorUserId: owner }),
      status.NOT_FOUND,
      'INVITE_NOT_FOUND',
    );
  });

  it('when an invite is resent, then the old token stops working and the new one does', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 2 });
    const { invite: first } = await invite(team.teamId, owner, 'd@example.com');
    const resent = await harness.app('ResendInvite', {
      teamId: team.teamId,
      inviteId: first.inviteId,
      ttlHours: 24,
      actorUserId: owner,
    });
    expect(resent.invite.inviteId).to.equal(first.inviteId);
    expect(resent.invite.token).to.not.equal(first.token);
    expect(resent.team.pendingInvites).to.equal(1);
    await expectFailure(
      harness.app('AcceptInvite', { token: first.token, actorUserId: 'dan' }),
      status.NOT_FOUND,
      'INVITE_NOT_FOUND',
    );
    await harness.app('AcceptInvite', { token: resent.invite.token, actorUserId: 'dan' });
    const created = eventsOf(await publishedEvents(harness), team.teamId).filter(
      (e) => typeName(e) === 'InviteCreated',
    );
    expect(created.map((e) => (e.data as { resent: boolean }).resent)).to.deep.equal([false, true]);
  });

  it('when an invite passes its expiry, then it cannot be accepted, its seat comes free and the sweeper publishes InviteExpired', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 1 });
    const { invite: created } = await invite(team.teamId, owner, 'e@example.com', 2);
    harness.clock.advance(3 * HOUR);
    await expectFailure(
      harness.app('AcceptInvite', { token: created.token, actorUserId: 'erin' }),
      status.FAILED_PRECONDITION,
      'INVITE_EXPIRED',
    );
    const listed = await harness.app('ListInvites', {
      teamId: team.teamId,
      statuses: ['INVITE_STATUS_EXPIRED'],
    });
    expect(listed.invites.map((i: { inviteId: string }) => i.inviteId)).to.deep.equal([created.inviteId]);

    expect(await harness.service.internals.sweepDeadlines()).to.be.greaterThanOrEqual(1);
    const usage = await harness.app('GetSeatUsage', { teamId: team.teamId });
    expect(usage).to.include({ pendingInvites: 0, seatsAvailable: 1 });
    const types = eventsOf(await publishedEvents(harness), team.teamId).map(typeName);
    expect(types).to.include('InviteExpired');

    // An expired invite can be sent again when a seat is free.
    const again = await harness.app('ResendInvite', {
      teamId: team.teamId,
      inviteId: created.inviteId,
      actorUserId: owner,
    });
    expect(again.invite.status).to.equal('INVITE_STATUS_PENDING');
  });

  it('when an overdue invite was never swept, then an add still gets its seat (expired on the way)', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 1 });
    await invite(team.teamId, owner, 'f@example.com', 1);
    harness.clock.advance(2 * HOUR);
    const added = await harness.app('AddMember', {
      teamId: team.teamId,
      userId: 'frank',
      actorUserId: owner,
    });
    expect(added.team).to.include({ seatsUsed: 1, pendingInvites: 0 });
    const types = eventsOf(await publishedEvents(harness), team.teamId).map(typeName);
    expect(types.slice(-2)).to.deep.equal(['InviteExpired', 'MemberAdded']);
  });

  it('when invites are listed, then newest first, filtered by status and paged', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 10 });
    const ids: string[] = [];
    for (const name of ['g1', 'g2', 'g3']) {
      ids.push((await invite(team.teamId, owner, `${name}@example.com`)).invite.inviteId);
      harness.clock.advance(1_000);
    }
    await harness.app('RevokeInvite', { teamId: team.teamId, inviteId: ids[0], actorUserId: owner });
    const first = await harness.app('ListInvites', { teamId: team.teamId, pageSize: 2, actorUserId: owner });
    expect(first.invites.map((i: { inviteId: string }) => i.inviteId)).to.deep.equal([ids[2], ids[1]]);
    expect(first.invites.every((i: { token: string }) => i.token === '')).to.equal(true);
    const second = await harness.app('ListInvites', {
      teamId: team.teamId,
      pageSize: 2,
      pageToken: first.nextPageToken,
    });
    expect(second.invites.map((i: { inviteId: string }) => i.inviteId)).to.deep.equal([ids[0]]);
    expect(second.nextPageToken).to.equal('');
    const pending = await harness.app('ListInvites', {
      teamId: team.teamId,
      statuses: ['INVITE_STATUS_PENDING'],
    });
    expect(pending.invites).to.have.length(2);
    await expectFailure(
      harness.app('ListInvites', {
        teamId: team.teamId,
        statuses: ['INVITE_STATUS_PENDING'],
        pageToken: first.nextPageToken,
      }),
      status.INVALID_ARGUMENT,
      'INVALID_PAGE_TOKEN',
    );
  });
});

import { randomUUID } from 'node:crypto';
import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import { latestGrants, publishedFacts } from '../support/events';
import {
  expectFailure,
  provisionTeam,
  startHarness,
  subscriptionState,
  type Harness,
} from '../support/harness';

const DAY_MS = 86_400_000;

/** The answer in the facts' form, to compare with the newest published fact of the pair. */
function asFact(answer: {
  teamVersion: string;
  productId: string;
  memberEntitlements: string[];
  grantKind: string;
  until: { seconds: string; nanos: number } | null;
}) {
  const kind = answer.grantKind.replace('GRANT_KIND_', '').toLowerCase();
  const until = answer.until
    ? new Date(Number(answer.until.seconds) * 1000 + answer.until.nanos / 1e6)
    : null;
  return {
    teamVersion: Number(answer.teamVersion),
    productId: answer.productId,
    entitlements: answer.memberEntitlements,
    grant: kind === 'until' ? { kind, until: until!.toISOString() } : { kind },
  };
}

describe('team-service GetMemberGrant over gRPC (ADR 0021)', function () {
  this.timeout(60_000);
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  const ask = (teamId: string, userId: string) => harness.internal('GetMemberGrant', { teamId, userId });

  it('when asked about members, the owner and a stranger through renewal and removal, then it answers what the newest published fact says', async () => {
    const subscriber = `owner-${randomUUID()}`;
    const end = new Date(Date.now() + 30 * DAY_MS);
    const { team, owner } = await provisionTeam(harness, { subscriber, seats: 5, periodEndsAt: end });
    for (const userId of ['a', 'b'])
      await harness.app('AddMember', { teamId: team.teamId, userId, actorUserId: owner });
    const renewed = new Date(end.getTime() + 30 * DAY_MS);
    await harness.internal(
      'ApplySubscriptionState',
      subscriptionState({ subscriber, seats: 5, periodEndsAt: renewed }),
    );
    await harness.app('RemoveMember', { teamId: team.teamId, userId: 'a', actorUserId: owner });

    const facts = latestGrants(await publishedFacts(harness), team.teamId);
    for (const userId of [owner, 'a', 'b']) {
      const { userId: _user, teamId: _team, teamVersion, ...fact } = facts.get(userId)!;
      const answer = asFact(await ask(team.teamId, userId));
      expect(answer, userId).to.deep.include(fact);
      // The team's current version: at least that of every fact out for the pair.
      expect(answer.teamVersion, userId).to.equal(5).and.to.be.at.least(teamVersion);
    }
    expect(asFact(await ask(team.teamId, 'b')).grant).to.deep.equal({
      kind: 'until',
      until: renewed.toISOString(),
    });
    expect(asFact(await ask(team.teamId, 'stranger'))).to.deep.include({
      teamVersion: 5,
      grant: { kind: 'none' },
    });
  });

  it('when the team expired, then a former member gets none; for a lifetime purchase, a member gets lifetime', async () => {
    const subscriber = `owner-${randomUUID()}`;
    const { team, owner } = await provisionTeam(harness, { subscriber, seats: 3, periodEndsAt: null });
    await harness.app('AddMember', { teamId: team.teamId, userId: 'm', actorUserId: owner });
    expect(asFact(await ask(team.teamId, 'm')).grant).to.deep.equal({ kind: 'lifetime' });
    await harness.internal(
      'ApplySubscriptionState',
      subscriptionState({ subscriber, seats: 0, status: 'TEAM_STATUS_EXPIRED' }),
    );
    expect(asFact(await ask(team.teamId, 'm')).grant).to.deep.equal({ kind: 'none' });
  });

  it('when the owner takes a seat, then the owner gets the grant', async () => {
    const { team, owner } = await provisionTeam(harness, { ownerTakesSeat: true, periodEndsAt: null });
    expect(asFact(await ask(team.teamId, owner)).grant).to.deep.equal({ kind: 'lifetime' });
  });

  it('when the team is unknown, then NOT_FOUND TEAM_NOT_FOUND', async () => {
    await expectFailure(ask(`team-${randomUUID()}`, 'u'), status.NOT_FOUND, 'TEAM_NOT_FOUND');
  });

  it('when an app token calls it, then PERMISSION_DENIED INTERNAL_ONLY', async () => {
    const { team } = await provisionTeam(harness);
    await expectFailure(
      harness.app('GetMemberGrant', { teamId: team.teamId, userId: 'u' }),
      status.PERMISSION_DENIED,
      'INTERNAL_ONLY',
    );
  });

  it('when user_id or team_id is missing, then INVALID_ARGUMENT naming the field', async () => {
    const noUser = await expectFailure(ask('some-team', ''), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT');
    expect(noUser.details).to.match(/^user_id/);
    const noTeam = await expectFailure(ask('', 'u'), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT');
    expect(noTeam.details).to.match(/^team_id/);
  });
  it('when the listing views trail the log (another replica wrote them late) and the caller names the version it holds, then the answer comes from the log at that version or later', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: 5 });
    const db = harness.mongo.db(harness.databaseName);
    const summaries = db.collection<{ _id: string; version: number }>('team_summaries');
    const userTeams = db.collection<{ _id: string; teams: Record<string, unknown> }>('user_teams');
    const before = await summaries.findOne({ _id: team.teamId });
    const added = await harness.app('AddMember', { teamId: team.teamId, userId: 'late', actorUserId: owner });
    const version = Number(added.team.version);
    // What a racing replica can leave behind: the summary of the version before, the user not listed.
    await summaries.replaceOne({ _id: team.teamId }, before!);
    await userTeams.updateOne({ _id: 'late' }, { $unset: { [`teams.${team.teamId}`]: '' } });

    const answer = await harness.internal('GetMemberGrant', {
      teamId: team.teamId,
      userId: 'late',
      minVersion: String(version),
    });
    expect(Number(answer.teamVersion)).to.be.at.least(version);
    expect(answer.grantKind).to.not.equal('GRANT_KIND_NONE');
  });

  it('when the caller names a version the team never reached (a forged fact), then the answer is the current version', async () => {
    const { team } = await provisionTeam(harness, { seats: 5 });
    const answer = await harness.internal('GetMemberGrant', {
      teamId: team.teamId,
      userId: 'nobody',
      minVersion: '1000000',
    });
    expect(Number(answer.teamVersion)).to.be.below(1_000_000);
    expect(answer.grantKind).to.equal('GRANT_KIND_NONE');
  });
});

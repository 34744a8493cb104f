import { expect } from 'chai';
import { status, type ServiceError } from '@grpc/grpc-js';
import { reasonOf, type EntitlementChange__Output, type Team__Output } from '@teamseat/grpc';
import { waitFor } from '@teamseat/testing';
import { startStack, type E2eStack } from '../support/e2e-harness';
import {
  addMember,
  newUser,
  removeMember,
  storeAction,
  waitForAccess,
  waitForTeam,
} from '../support/e2e-steps';
import { call } from '../support/service-harness';

interface MemberAccess {
  state: string;
  reason: string;
  teamVersion: string;
  appliedTeamVersion: string;
  entitlements: Array<{
    entitlement: string;
    state: string;
    source: string;
    reason: string;
    attempts: number;
    willRetry: boolean;
    expires: { at?: { seconds: string }; lifetime?: boolean } | null;
  }>;
}

const memberAccess = (stack: E2eStack, teamId: string, userId: string, minTeamVersion: string | number = 0) =>
  call<MemberAccess>(stack.ent as never, 'GetMemberAccess', { teamId, userId, minTeamVersion });

function waitForState(stack: E2eStack, teamId: string, userId: string, state: string, timeoutMs = 30_000) {
  return waitFor(
    async () => {
      const answer = await memberAccess(stack, teamId, userId);
      return answer.state === `MEMBER_ACCESS_STATE_${state}` ? answer : undefined;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

/**
 * Issue 18, point 9 (ADR 0037): AddMember answers before the grant exists; an app asks entitlement-service
 * whether the seat is ready (GetMemberAccess) or watches the team's changes, through the emulator, Kafka
 * and both services.
 */
describe('a member learns when the seat is ready, end to end', function () {
  this.timeout(120_000);
  let stack: E2eStack;
  let owner: string;
  let team: Team__Output;

  before(async () => {
    stack = await startStack({ env: { CONSUMER_BACKOFF_MAX_MS: '1000' } });
    owner = newUser('owner');
    storeAction(stack, 'purchase', { appUserId: owner, productId: 'team_xl_monthly' });
    team = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
  });
  after(async () => stack?.stop());
  afterEach(() => stack.emulator.faults.clear());

  it('when a member is added, then the access is PENDING at the version AddMember answered, then ACTIVE until the period end', async () => {
    const member = newUser('member');
    // Every RevenueCat call takes a second, so the grant cannot be made before the first question.
    stack.emulator.faults.set({ latencyMinMs: 1_000, latencyMaxMs: 1_000 });
    const added = await addMember(stack, team.teamId, owner, member);
    const first = await memberAccess(stack, team.teamId, member, added.team.version);
    expect(first.state, first.reason).to.equal('MEMBER_ACCESS_STATE_PENDING');
    expect(Number(first.teamVersion)).to.be.at.least(Number(added.team.version));

    const ready = await waitForState(stack, team.teamId, member, 'ACTIVE');
    expect(Number(ready.appliedTeamVersion)).to.be.at.least(Number(added.team.version));
    expect(ready.entitlements).to.have.length(1);
    expect(ready.entitlements[0]).to.include({
      entitlement: 'pro',
      state: 'MEMBER_ACCESS_STATE_ACTIVE',
      source: 'SOURCE_KIND_TEAM_GRANT',
    });
    const endsMs = Number(ready.entitlements[0]!.expires?.at?.seconds) * 1000;
    const periodEndsMs = Number(team.periodEndsAt?.seconds) * 1000;
    expect(endsMs).to.be.at.least(periodEndsMs);
  });

  it('when RevenueCat fails for the member, then the access is FAILED with the reason, and ACTIVE after RevenueCat recovers', async () => {
    const member = newUser('unlucky');
    stack.emulator.faults.targetUser(member, { status: 500, untilMs: null, retryAfterSeconds: 1 });
    await addMember(stack, team.teamId, owner, member);

    const failed = await waitForState(stack, team.teamId, member, 'FAILED');
    expect(failed.reason).to.match(/REVENUECAT/);
    expect(failed.entitlements[0]).to.include({ entitlement: 'pro', willRetry: true });
    expect(failed.entitlements[0]!.attempts).to.be.at.least(1);

    stack.emulator.faults.clearUser(member);
    const ready = await waitForState(stack, team.teamId, member, 'ACTIVE');
    expect(ready.entitlements[0]).to.include({ state: 'MEMBER_ACCESS_STATE_ACTIVE', reason: '' });
  });

  it('when the user holds no seat, then NOT_A_MEMBER; when the team does not exist, then NOT_FOUND naming team_id', async () => {
    const stranger = newUser('stranger');
    const answer = await memberAccess(stack, team.teamId, stranger);
    expect(answer.state).to.equal('MEMBER_ACCESS_STATE_NOT_A_MEMBER');
    expect(answer.entitlements).to.deep.equal([]);

    const error = (await memberAccess(stack, 'no-such-team', stranger).catch(
      (e: unknown) => e,
    )) as ServiceError;
    expect(error.code).to.equal(status.NOT_FOUND);
    expect(reasonOf(error)).to.equal('TEAM_NOT_FOUND');
    expect(error.details).to.match(/^team_id/);
  });

  it("when a watch is filtered by team, then it sees that team's members gain and lose access and nothing of another team", async () => {
    const otherOwner = newUser('other-owner');
    storeAction(stack, 'purchase', { appUserId: otherOwner, productId: 'team_xl_monthly' });
    const other = await waitForTeam(stack, otherOwner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    const ours = newUser('ours');
    const theirs = newUser('theirs');

    const changes: EntitlementChange__Output[] = [];
    const stream = stack.ent.WatchEntitlementChanges({ teamId: team.teamId });
    stream.on('data', (item: { change: EntitlementChange__Output }) => changes.push(item.change));
    stream.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      await addMember(stack, other.teamId, otherOwner, theirs);
      await addMember(stack, team.teamId, owner, ours);
      await waitForAccess(stack, theirs, (a) => a.active);
      await waitFor(() => changes.some((c) => c.userId === ours && c.active) || undefined, {
        timeoutMs: 30_000,
      });
      const granted = changes.find((c) => c.userId === ours && c.active)!;
      expect(granted.source?.kind).to.equal('SOURCE_KIND_TEAM_GRANT');
      expect(granted.source?.teamId).to.equal(team.teamId);

      await removeMember(stack, team.teamId, owner, ours);
      const removal = await waitFor(() => changes.find((c) => c.userId === ours && !c.active), {
        timeoutMs: 30_000,
      });
      expect(removal.source?.kind).to.equal('SOURCE_KIND_NONE');
      expect(changes.filter((c) => c.userId !== ours)).to.deep.equal([]);
    } finally {
      stream.cancel();
    }
  });
});

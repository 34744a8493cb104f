import { expect } from 'chai';
import { DAY, startStack, type E2eStack } from '../support/e2e-harness';
import {
  access,
  addMember,
  ms,
  newUser,
  storeAction,
  waitForAccess,
  waitForTeam,
} from '../support/e2e-steps';
import { call } from '../support/service-harness';

const PRODUCT = 'team_large_monthly';

// The e2e catalog leaves rosterRetentionDays at the catalog default: 90 days (ADR 0030).
describe('rosters survive a lapse end to end (emulator → gateway → Kafka → entitlement-service ↔ team-service)', function () {
  this.timeout(120_000);
  let stack: E2eStack;

  before(async () => {
    stack = await startStack();
  });
  after(async () => stack.stop());

  async function teamWithMembers(count: number) {
    const owner = newUser('owner');
    storeAction(stack, 'purchase', { appUserId: owner, productId: PRODUCT });
    const team = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    const members = Array.from({ length: count }, () => newUser('member'));
    for (const member of members) await addMember(stack, team.teamId, owner, member);
    for (const member of members) await waitForAccess(stack, member, (a) => a.active);
    return { owner, team, members };
  }

  const roster = async (teamId: string) =>
    (
      await call<{ members: Array<{ userId: string }> }>(stack.teams as never, 'ListMembers', { teamId })
    ).members.map((m) => m.userId);

  it('when a paused Play subscription lapses and resumes within the retention, then the members are suspended, then have access again with nobody acting', async () => {
    const { owner, team, members } = await teamWithMembers(2);
    const periodEnd = ms(team.periodEndsAt)!;
    const resumeAt = periodEnd + 20 * DAY;
    storeAction(stack, 'pause', { appUserId: owner, productId: PRODUCT, resumeAtMs: resumeAt });
    stack.emulator.advance(periodEnd - stack.emulator.clock.now() + DAY);

    const expired = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_EXPIRED');
    expect(expired).to.include({ seatLimit: 0, seatsUsed: 0 });
    expect(ms(expired.rosterRetainedUntil)).to.be.closeTo(periodEnd + 90 * DAY, 60_000);
    for (const member of members) await waitForAccess(stack, member, (a) => !a.active);
    expect(await roster(team.teamId)).to.have.members([owner, ...members]);

    stack.emulator.advance(resumeAt - stack.emulator.clock.now() + 1_000);
    const back = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    expect(back).to.include({ teamId: team.teamId, seatsUsed: 2, rosterRetainedUntil: null });
    for (const member of members) {
      const granted = await waitForAccess(stack, member, (a) => a.active);
      expect(granted.source.teamId).to.equal(team.teamId);
      expect(ms(granted.expiresAt)).to.be.greaterThan(resumeAt);
    }
  });

  it('when the subscription comes back after the retention, then the roster was cleared: the team is back with its owner only', async () => {
    const { owner, team, members } = await teamWithMembers(1);
    storeAction(stack, 'expire', { appUserId: owner, productId: PRODUCT });
    await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_EXPIRED');
    await waitForAccess(stack, members[0]!, (a) => !a.active);

    stack.emulator.advance(91 * DAY);
    storeAction(stack, 'purchase', { appUserId: owner, productId: PRODUCT });
    const back = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    expect(back).to.include({ teamId: team.teamId, seatsUsed: 0, memberCount: 1 });
    expect(await roster(team.teamId)).to.deep.equal([owner]);
    expect((await access(stack, members[0]!)).active).to.equal(false);
  });
});

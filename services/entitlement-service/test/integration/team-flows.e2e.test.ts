import { expect } from 'chai';
import { waitFor } from '@teamseat/testing';
import { DAY, startStack, type E2eStack } from '../support/e2e-harness';
import {
  access,
  addMember,
  ms,
  newUser,
  promoExpiry,
  removeMember,
  storeAction,
  teamOf,
  waitForAccess,
  waitForTeam,
} from '../support/e2e-steps';

const BUFFER = DAY;

describe('team flows end to end (emulator → gateway → Kafka → entitlement-service ↔ team-service)', function () {
  this.timeout(120_000);
  let stack: E2eStack;

  before(async () => {
    stack = await startStack();
  });
  after(async () => stack.stop());

  async function teamWithMembers(count: number, product = 'team_large_monthly') {
    const owner = newUser('owner');
    storeAction(stack, 'purchase', { appUserId: owner, productId: product });
    const team = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    const members = Array.from({ length: count }, () => newUser('member'));
    for (const member of members) await addMember(stack, team.teamId, owner, member);
    for (const member of members) await waitForAccess(stack, member, (a) => a.active);
    return { owner, team, members };
  }

  it('when a manager buys a team plan, then team-service holds an active team with the catalog seats', async () => {
    const owner = newUser('owner');
    storeAction(stack, 'purchase', { appUserId: owner, productId: 'team_large_monthly' });
    const team = await waitForTeam(stack, owner);
    expect(team).to.include({
      status: 'TEAM_STATUS_ACTIVE',
      seatLimit: 3,
      ownerUserId: owner,
      productId: 'team_large_monthly',
    });
    expect(ms(team.periodEndsAt)).to.be.closeTo(stack.emulator.clock.now() + 30 * DAY, 60_000);
  });

  it('when a member is added, then the member gets access until the period end plus the buffer', async () => {
    const { team, members } = await teamWithMembers(1);
    const granted = await access(stack, members[0]!);
    expect(granted.source.kind).to.equal('SOURCE_KIND_TEAM_GRANT');
    expect(granted.source.teamId).to.equal(team.teamId);
    expect(ms(granted.expiresAt)).to.be.closeTo(ms(team.periodEndsAt)! + BUFFER, 1_000);
    expect(promoExpiry(stack, members[0]!)).to.be.closeTo(ms(team.periodEndsAt)! + BUFFER, 1_000);
  });

  it('when a member is removed, then the member loses access', async () => {
    const { owner, team, members } = await teamWithMembers(2);
    await removeMember(stack, team.teamId, owner, members[0]!);
    await waitForAccess(stack, members[0]!, (a) => !a.active);
    expect(promoExpiry(stack, members[0]!)).to.be.at.most(stack.emulator.clock.now());
    expect((await access(stack, members[1]!)).active).to.equal(true);
  });

  it('when the plan renews, then every member is extended to the new period end', async () => {
    const { owner, team, members } = await teamWithMembers(2);
    const firstEnd = ms(team.periodEndsAt)!;
    storeAction(stack, 'renew', { appUserId: owner, productId: 'team_large_monthly' });
    const renewed = await waitForTeam(stack, owner, (t) => ms(t.periodEndsAt)! > firstEnd);
    for (const member of members) {
      const extended = await waitForAccess(stack, member, (a) => ms(a.expiresAt)! > firstEnd + BUFFER);
      expect(ms(extended.expiresAt)).to.be.closeTo(ms(renewed.periodEndsAt)! + BUFFER, 1_000);
    }
  });

  it('when the plan expires, then every member loses access and the team has 0 seats', async () => {
    const { owner, members } = await teamWithMembers(3);
    storeAction(stack, 'expire', { appUserId: owner, productId: 'team_large_monthly' });
    const expired = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_EXPIRED');
    expect(expired.seatLimit).to.equal(0);
    for (const member of members) await waitForAccess(stack, member, (a) => !a.active);
  });

  it('when the plan changes to a smaller tier, then the shrink policy removes the last joined member, whose access ends', async () => {
    const { owner, members } = await teamWithMembers(3);
    storeAction(stack, 'product_change', {
      appUserId: owner,
      productId: 'team_large_monthly',
      newProductId: 'team_small_monthly',
      timing: 'now',
    });
    const shrunk = await waitForTeam(stack, owner, (t) => t.seatLimit === 2);
    expect(shrunk.productId).to.equal('team_small_monthly');
    await waitForAccess(stack, members[2]!, (a) => !a.active);
    expect((await access(stack, members[0]!)).active).to.equal(true);
    expect((await access(stack, members[1]!)).active).to.equal(true);
  });

  it('when the purchase is transferred to another user, then the team follows it to the new owner and members keep access', async () => {
    const { owner, team, members } = await teamWithMembers(1);
    const heir = newUser('heir');
    stack.emulator.service.getSubscriber(heir, true);
    storeAction(stack, 'transfer', { fromAppUserId: owner, toAppUserId: heir });
    const moved = await waitForTeam(stack, heir);
    expect(moved.teamId).to.equal(team.teamId);
    expect(moved.ownerUserId).to.equal(heir);
    await waitFor(async () => (await teamOf(stack, owner)) === undefined, { timeoutMs: 10_000 });
    expect((await access(stack, members[0]!)).active).to.equal(true);
  });

  it('when a family member gets a family-shared copy, then no team is created for them', async () => {
    const { owner } = await teamWithMembers(0);
    const relative = newUser('family');
    storeAction(stack, 'family_share', {
      appUserId: owner,
      productId: 'team_large_monthly',
      memberAppUserId: relative,
    });
    // The relative's snapshot shows the shared entitlement once the webhook is handled...
    await waitFor(async () => (await access(stack, relative, 'team_admin')).active, { timeoutMs: 20_000 });
    // ...and still no team exists for them.
    expect(await teamOf(stack, relative)).to.equal(undefined);
  });

  it('when a billing issue starts a grace period, then members keep access until it ends, then lose it', async () => {
    const { owner, team, members } = await teamWithMembers(1);
    const paidUntil = ms(team.periodEndsAt)!;
    const graceEnd = paidUntil + 6 * DAY;
    storeAction(stack, 'billing_issue', {
      appUserId: owner,
      productId: 'team_large_monthly',
      gracePeriodMs: 6 * DAY,
    });
    const inGrace = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_GRACE');
    expect(ms(inGrace.periodEndsAt)).to.be.closeTo(graceEnd, 1_000);
    await waitForAccess(stack, members[0]!, (a) => ms(a.expiresAt)! >= graceEnd + BUFFER - 1_000);
    stack.emulator.advance(paidUntil - stack.emulator.clock.now() + DAY);
    await stack.emulator.webhooks.waitFor((all) => all.every((d) => d.state !== 'pending'), 10_000);
    expect((await access(stack, members[0]!)).active).to.equal(true);
    stack.emulator.advance(6 * DAY);
    await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_EXPIRED');
    await waitForAccess(stack, members[0]!, (a) => !a.active);
  });
});

import { expect } from 'chai';
import { DAY, startStack, type E2eStack } from '../support/e2e-harness';
import {
  access,
  addMember,
  ms,
  newUser,
  promoExpiry,
  removeMember,
  storeAction,
  waitForAccess,
  waitForTeam,
} from '../support/e2e-steps';
import {
  andFactsHandled,
  grantOutsideTeamseat,
  promotionalGrants,
  revenuecatCalls,
  settledRow,
} from '../support/grant-steps';

const BUFFER = DAY;

/**
 * Issue 18, point 3 (ADR 0005's promise, ADR 0029): access teamseat did not give (a promotional made through
 * RevenueCat's API or dashboard, a store purchase) is never shortened or removed by joining or leaving a team.
 */
describe('grants teamseat did not make are left alone, end to end', function () {
  this.timeout(180_000);
  let stack: E2eStack;

  before(async () => {
    stack = await startStack();
  });
  after(async () => stack?.stop());

  async function activeTeam() {
    const owner = newUser('owner');
    storeAction(stack, 'purchase', { appUserId: owner, productId: 'team_large_monthly' });
    const team = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    return { owner, team };
  }

  it('when a user with a lifetime promotional made outside teamseat joins a team and leaves it, then it stays lifetime throughout, and the report shows it', async () => {
    const user = newUser('vip');
    await grantOutsideTeamseat(stack, user, { duration: 'lifetime' });
    await waitForAccess(stack, user, (a) => a.lifetime && a.source.kind === 'SOURCE_KIND_PROMOTIONAL_OTHER');
    const { owner, team } = await activeTeam();
    const calls = async () =>
      (await revenuecatCalls(stack, 'grant')) + (await revenuecatCalls(stack, 'revoke'));
    const callsBefore = await calls();

    await addMember(stack, team.teamId, owner, user);
    const row = await settledRow(stack, team.teamId, user);
    expect(await access(stack, user)).to.include({ active: true, lifetime: true });
    expect(promotionalGrants(stack, user).map((g) => g.revokedMs)).to.deep.equal([null]);
    expect(row.state, row.lastError).to.equal('GRANT_STATE_IN_SYNC');
    expect(row.otherPromotional).to.deep.include({ lifetime: true });

    await andFactsHandled(stack, () => removeMember(stack, team.teamId, owner, user));
    expect(await access(stack, user)).to.include({ active: true, lifetime: true });
    expect(promotionalGrants(stack, user).map((g) => g.revokedMs)).to.deep.equal([null]);
    expect(await calls(), 'grants and revokes asked of RevenueCat, joining and leaving').to.equal(
      callsBefore,
    );
  });

  it("when a user's outside promotional runs past the team's grant, then joining leaves it; when the team's runs longer and the user leaves, access returns to the outside end", async () => {
    const user = newUser('support-grant');
    const outsideEnd = Math.floor((stack.emulator.clock.now() + 45 * DAY) / 1000) * 1000;
    await grantOutsideTeamseat(stack, user, { end_time_ms: outsideEnd });
    await waitForAccess(stack, user, (a) => a.source.kind === 'SOURCE_KIND_PROMOTIONAL_OTHER');
    const { owner, team } = await activeTeam();

    await addMember(stack, team.teamId, owner, user);
    const row = await settledRow(stack, team.teamId, user);
    expect(row.state, row.lastError).to.equal('GRANT_STATE_IN_SYNC');
    expect(promoExpiry(stack, user), 'joining never shortens').to.equal(outsideEnd);

    storeAction(stack, 'renew', { appUserId: owner, productId: 'team_large_monthly' });
    storeAction(stack, 'renew', { appUserId: owner, productId: 'team_large_monthly' });
    const renewed = await waitForTeam(stack, owner, (t) => ms(t.periodEndsAt)! > outsideEnd);
    const extended = await waitForAccess(stack, user, (a) => ms(a.expiresAt)! > outsideEnd);
    expect(ms(extended.expiresAt)).to.be.closeTo(ms(renewed.periodEndsAt)! + BUFFER, 1_000);

    await andFactsHandled(stack, () => removeMember(stack, team.teamId, owner, user));
    const after = await waitForAccess(stack, user, (a) => ms(a.expiresAt)! <= outsideEnd);
    expect(ms(after.expiresAt), 'leaving gives back what the outside grant held').to.equal(outsideEnd);
    expect(after.active).to.equal(true);
  });

  it('when a user with a yearly store subscription joins a team and leaves it, then the subscription is untouched and the report shows it', async () => {
    const user = newUser('subscriber');
    // A yearly period: v1 names only the furthest source of an entitlement, which the report reads.
    storeAction(stack, 'purchase', { appUserId: user, productId: 'pro_monthly', periodMs: 365 * DAY });
    const bought = await waitForAccess(stack, user, (a) => a.source.kind === 'SOURCE_KIND_STORE');
    const { owner, team } = await activeTeam();

    await addMember(stack, team.teamId, owner, user);
    const row = await settledRow(stack, team.teamId, user);
    expect(row.state, row.lastError).to.equal('GRANT_STATE_IN_SYNC');
    expect(ms(row.store?.at)).to.equal(ms(bought.expiresAt));

    await andFactsHandled(stack, () => removeMember(stack, team.teamId, owner, user));
    const after = await access(stack, user);
    expect(after).to.include({ active: true });
    expect(after.source.kind).to.equal('SOURCE_KIND_STORE');
    expect(ms(after.expiresAt)).to.equal(ms(bought.expiresAt));
    const subscription = stack.emulator.customers.get(user)!.subscriptions[0]!;
    expect(subscription).to.include({ refundedMs: null, unsubscribeDetectedMs: null });
  });
});

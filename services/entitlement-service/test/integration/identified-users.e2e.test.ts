import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { waitFor } from '@teamseat/testing';
import { startStack, type E2eStack } from '../support/e2e-harness';
import { access, addMember, newUser, storeAction, teamOf, waitForTeam } from '../support/e2e-steps';
import { call } from '../support/service-harness';

const PRODUCT = 'team_large_monthly';
const anonymousId = () => `$RCAnonymousID:${randomBytes(16).toString('hex')}`;

describe('teams for identified users only end to end (emulator → gateway → Kafka → entitlement-service ↔ team-service)', function () {
  this.timeout(120_000);
  let stack: E2eStack;

  before(async () => {
    stack = await startStack();
  });
  after(async () => stack.stop());

  /** A team purchase under an anonymous id: handled (the snapshot shows it), and no team for it. */
  async function anonymousPurchase(): Promise<string> {
    const anonymous = anonymousId();
    storeAction(stack, 'purchase', { appUserId: anonymous, productId: PRODUCT });
    await waitFor(async () => (await access(stack, anonymous, 'team_admin')).active, { timeoutMs: 20_000 });
    // SyncCustomer answers after the team state was applied: from then on, a team would exist.
    await call(stack.ent as never, 'SyncCustomer', { userId: anonymous, force: true });
    expect(await teamOf(stack, anonymous)).to.equal(undefined);
    return anonymous;
  }

  it('when a team is bought under an anonymous id, then no team exists until a TRANSFER moves the purchase to an identified id, and then the team is theirs', async () => {
    const anonymous = await anonymousPurchase();
    const alice = newUser('alice');
    stack.emulator.service.getSubscriber(alice, true);
    storeAction(stack, 'transfer', { fromAppUserId: anonymous, toAppUserId: alice });
    const team = await waitForTeam(stack, alice, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    expect(team).to.include({ ownerUserId: alice, seatLimit: 3 });
    expect(await teamOf(stack, anonymous)).to.equal(undefined);
    const member = newUser('member');
    await addMember(stack, team.teamId, alice, member);
    await waitFor(async () => (await access(stack, member)).active, { timeoutMs: 20_000 });
  });

  it('when the anonymous buyer logs in (RevenueCat aliases the ids), then the team appears under the identified id at the next sync', async () => {
    const anonymous = await anonymousPurchase();
    const bob = newUser('bob');
    storeAction(stack, 'log_in', { appUserId: anonymous, newAppUserId: bob });
    // The app calls SyncCustomer at login (DESIGN §4.10); RevenueCat sends no webhook for an alias.
    await call(stack.ent as never, 'SyncCustomer', { userId: bob, force: true });
    const team = await waitForTeam(stack, bob, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    expect(team.ownerUserId).to.equal(bob);
    expect(await teamOf(stack, anonymous)).to.equal(undefined);
  });

  it('when the anonymous buyer logs in and the purchase renews, then the renewal webhook (carrying the identified id) makes the team', async () => {
    const anonymous = await anonymousPurchase();
    const carol = newUser('carol');
    storeAction(stack, 'log_in', { appUserId: anonymous, newAppUserId: carol });
    storeAction(stack, 'renew', { appUserId: carol, productId: PRODUCT });
    const team = await waitForTeam(stack, carol, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    expect(team.ownerUserId).to.equal(carol);
    expect(await teamOf(stack, anonymous)).to.equal(undefined);
  });
});

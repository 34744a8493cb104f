import { expect } from 'chai';
import { startStack, DAY, type E2eStack } from '../support/e2e-harness';
import {
  addMember,
  everyWebhookHandled,
  newUser,
  removeMember,
  storeAction,
  waitForAccess,
  waitForTeam,
} from '../support/e2e-steps';
import { grantOutsideTeamseat, revenuecatCalls } from '../support/grant-steps';
import { metricSum } from '../support/metrics';

/**
 * Issue 17, point 4 (ADR 0039): every grant and revoke teamseat makes comes back as a webhook for the
 * member. The call's answer was the customer after it and is stored, so the echo is answered from that
 * snapshot without a subscriber read, leaving RevenueCat's rate to grants and revokes. A promotional webhook
 * the snapshot does not show (someone else's grant) is still read.
 */
describe("webhooks of teamseat's own grants and revokes (end to end)", function () {
  this.timeout(180_000);
  let stack: E2eStack;

  before(async () => {
    stack = await startStack();
  });
  after(async () => stack?.stop());

  const reflected = () =>
    metricSum(stack.service.registry, 'entitlement_messages_handled_total', {
      topic: stack.topics.webhooks,
      outcome: 'reflected',
    });
  const subscriberReads = () => revenuecatCalls(stack, 'get_subscriber');

  async function settled() {
    await everyWebhookHandled(stack);
    return { reads: await subscriberReads(), reflected: await reflected() };
  }

  it('when a member is added and removed, then the echoes of the grant and the revoke cost no subscriber read', async () => {
    const owner = newUser('owner');
    const member = newUser('member');
    storeAction(stack, 'purchase', { appUserId: owner, productId: 'team_small_monthly' });
    const team = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    const start = await settled();

    await addMember(stack, team.teamId, owner, member);
    await waitForAccess(stack, member, (a) => a.active);
    const joined = await settled();
    expect(joined.reflected - start.reflected, 'grant echoes answered from the snapshot').to.equal(1);
    expect(joined.reads - start.reads, 'subscriber reads for the grant echo').to.equal(0);

    await removeMember(stack, team.teamId, owner, member);
    await waitForAccess(stack, member, (a) => !a.active);
    const left = await settled();
    expect(left.reflected - joined.reflected, 'revoke echoes answered from the snapshot').to.equal(1);
    expect(left.reads - joined.reads, 'subscriber reads for the revoke echo').to.equal(0);
  });

  it('when someone else grants a promotional, then its webhook is read and the access shows the grant', async () => {
    const user = newUser('outside');
    const before = await settled();
    const end = Math.floor((stack.emulator.clock.now() + 30 * DAY) / 1000) * 1000;
    await grantOutsideTeamseat(stack, user, { end_time_ms: end });
    await waitForAccess(stack, user, (a) => a.source.kind === 'SOURCE_KIND_PROMOTIONAL_OTHER');
    const after = await settled();
    expect(after.reflected, 'answered without a read').to.equal(before.reflected);
    expect(after.reads - before.reads, 'subscriber reads').to.equal(1);
  });
});

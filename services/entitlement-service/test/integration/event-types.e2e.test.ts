import { expect } from 'chai';
import { waitFor } from '@teamseat/testing';
import { startStack, DAY, type E2eStack } from '../support/e2e-harness';
import {
  addMember,
  everyWebhookHandled,
  ms,
  newUser,
  promoExpiry,
  storeAction,
  teamOf,
  waitForAccess,
  waitForTeam,
} from '../support/e2e-steps';
import { metricSum } from '../support/metrics';

const PRODUCT = 'team_small_monthly';

/**
 * Issue 18, point 7: the event types RevenueCat sends today, through the emulator, the gateway, Kafka and
 * both services. SUBSCRIPTION_EXTENDED and REFUND_REVERSED move the team; TEMPORARY_ENTITLEMENT_GRANT,
 * INVOICE_ISSUANCE, VIRTUAL_CURRENCY_TRANSACTION and EXPERIMENT_ENROLLMENT change no team and are never
 * dead-lettered (ADR 0036).
 */
describe('the event types RevenueCat sends today (end to end)', function () {
  this.timeout(180_000);
  let stack: E2eStack;

  before(async () => {
    stack = await startStack();
  });
  after(async () => stack?.stop());

  const handled = (outcome?: string) =>
    metricSum(stack.service.registry, 'entitlement_messages_handled_total', {
      topic: stack.topics.webhooks,
      ...(outcome && { outcome }),
    });
  const deadLettered = () => metricSum(stack.service.registry, 'entitlement_messages_dead_lettered_total');
  const subscriberReads = () =>
    metricSum(stack.service.registry, 'revenuecat_calls_total', { operation: 'get_subscriber' });

  async function teamWithMember() {
    const owner = newUser('owner');
    const member = newUser('member');
    storeAction(stack, 'purchase', { appUserId: owner, productId: PRODUCT });
    const team = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    await addMember(stack, team.teamId, owner, member);
    await waitForAccess(stack, member, (a) => a.active);
    return { owner, member, team, periodEndMs: ms(team.periodEndsAt)! };
  }

  it('when a store extends the subscription (SUBSCRIPTION_EXTENDED), then the team runs longer and the member grant follows', async () => {
    const { owner, member, periodEndMs } = await teamWithMember();
    storeAction(stack, 'extend', { appUserId: owner, productId: PRODUCT, extendMs: 10 * DAY });
    const extended = await waitForTeam(stack, owner, (t) => ms(t.periodEndsAt) === periodEndMs + 10 * DAY);
    expect(extended.status).to.equal('TEAM_STATUS_ACTIVE');
    await waitForAccess(stack, member, (a) => (ms(a.expiresAt) ?? 0) >= periodEndMs + 10 * DAY);
    expect(promoExpiry(stack, member)).to.be.at.least(periodEndMs + 10 * DAY);
  });

  it('when a refund is reversed (REFUND_REVERSED), then the expired team is active again until its period end', async () => {
    const { owner, member, periodEndMs } = await teamWithMember();
    stack.emulator.advance(DAY);
    storeAction(stack, 'refund', { appUserId: owner, productId: PRODUCT });
    await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_EXPIRED');
    await waitForAccess(stack, member, (a) => !a.active);

    storeAction(stack, 'refund_reversed', { appUserId: owner, productId: PRODUCT });
    const back = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    expect(ms(back.periodEndsAt)).to.equal(periodEndMs);
    expect(back.seatLimit).to.equal(2);
  });

  it('when RevenueCat grants a temporary entitlement for a team product, then no team is created until the purchase is validated', async () => {
    const owner = newUser('owner');
    const before = await handled();
    storeAction(stack, 'temporary_entitlement_grant', { appUserId: owner, productId: PRODUCT });
    await waitFor(async () => (await handled()) > before, { timeoutMs: 20_000 });
    expect(await teamOf(stack, owner)).to.equal(undefined);

    storeAction(stack, 'purchase', { appUserId: owner, productId: PRODUCT });
    await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
  });

  it('when an invoice, a virtual currency transaction and an experiment enrollment arrive, then they are handled without a RevenueCat read, dead letter or team change', async () => {
    const { owner } = await teamWithMember();
    await everyWebhookHandled(stack);
    const [ignored, reads, dead] = [await handled('ignored'), await subscriberReads(), await deadLettered()];
    const before = await teamOf(stack, owner);

    storeAction(stack, 'invoice_issuance', { appUserId: owner, productId: PRODUCT });
    storeAction(stack, 'virtual_currency_transaction', {
      appUserId: owner,
      amount: 100,
      currencyCode: 'GEMS',
    });
    storeAction(stack, 'experiment_enrollment', { appUserId: owner, experimentId: 'prexp1', variant: 'b' });
    await waitFor(async () => (await handled('ignored')) === ignored + 3, { timeoutMs: 20_000 });

    expect(await subscriberReads()).to.equal(reads);
    expect(await deadLettered()).to.equal(dead);
    const after = await teamOf(stack, owner);
    expect(after?.version).to.equal(before?.version);
    expect(after?.status).to.equal('TEAM_STATUS_ACTIVE');
  });
});

import { expect } from 'chai';
import { consumeMessages, waitFor } from '@teamseat/testing';
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
import { metricSum } from '../support/metrics';
import { call } from '../support/service-harness';

const BUFFER = DAY;

async function teamWithMembers(stack: E2eStack, count: number, product = 'team_large_monthly') {
  const owner = newUser('owner');
  storeAction(stack, 'purchase', { appUserId: owner, productId: product });
  const team = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
  const members = Array.from({ length: count }, () => newUser('member'));
  for (const member of members) await addMember(stack, team.teamId, owner, member);
  for (const member of members) await waitForAccess(stack, member, (a) => a.active, 30_000);
  return { owner, team, members };
}

async function deadLetters(stack: E2eStack): Promise<number> {
  const topics = [stack.topics.webhooks, stack.topics.memberGrants].map((t) => `${t}.dlq`);
  const counts = await Promise.all(
    topics.map(
      async (topic) =>
        (await consumeMessages(stack.config.KAFKA_BROKERS, topic, { quietMs: 500, timeoutMs: 10_000 }))
          .length,
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

describe('resilience end to end', function () {
  this.timeout(180_000);

  describe('with the default emulator', () => {
    let stack: E2eStack;
    before(async () => {
      stack = await startStack({ env: { SWEEP_RESYNC_AFTER_HOURS: '0', SWEEP_BATCH: '1000' } });
    });
    after(async () => stack.stop());

    it("when a user in two teams is removed from the longer one, then access lasts until the other team's period end", async () => {
      const first = await teamWithMembers(stack, 0);
      stack.emulator.advance(10 * DAY);
      const second = await teamWithMembers(stack, 0);
      const user = newUser('two-teams');
      await addMember(stack, first.team.teamId, first.owner, user);
      await addMember(stack, second.team.teamId, second.owner, user);
      const longEnd = ms(second.team.periodEndsAt)! + BUFFER;
      await waitForAccess(stack, user, (a) => Math.abs(ms(a.expiresAt)! - longEnd) < 1_000);

      await removeMember(stack, second.team.teamId, second.owner, user);
      const shortEnd = ms(first.team.periodEndsAt)! + BUFFER;
      const after = await waitForAccess(stack, user, (a) => Math.abs(ms(a.expiresAt)! - shortEnd) < 1_000);
      expect(after.active).to.equal(true);
      expect(after.source.teamId).to.equal(first.team.teamId);
      expect(promoExpiry(stack, user)).to.be.closeTo(shortEnd, 1_000);
    });

    it('when the period end moves by less than two hours, then the grant is moved with a revoke and a new grant', async () => {
      const { owner, team, members } = await teamWithMembers(stack, 1);
      const paidUntil = ms(team.periodEndsAt)!;
      // A one-hour grace after the paid period: the wanted end moves by one hour, inside RevenueCat's window.
      storeAction(stack, 'billing_issue', {
        appUserId: owner,
        productId: 'team_large_monthly',
        gracePeriodMs: 3_600_000,
      });
      const wanted = paidUntil + 3_600_000 + BUFFER;
      await waitForAccess(stack, members[0]!, (a) => Math.abs(ms(a.expiresAt)! - wanted) < 1_000);
      expect(promoExpiry(stack, members[0]!)).to.be.closeTo(wanted, 1_000);
    });

    it('when INITIAL_PURCHASE never arrives, then SyncCustomer (at login) creates the team', async () => {
      const owner = newUser('dropped');
      stack.emulator.webhooks.configure({ dropRate: 1 });
      storeAction(stack, 'purchase', { appUserId: owner, productId: 'team_large_monthly' });
      stack.emulator.webhooks.configure({ dropRate: 0 });
      const response = await call<{
        teamIds: string[];
        entitlements: Array<{ entitlement: string; active: boolean }>;
      }>(stack.ent as never, 'SyncCustomer', { userId: owner });
      const team = await waitForTeam(stack, owner);
      expect(response.teamIds).to.deep.equal([team.teamId]);
      expect(response.entitlements.find((e) => e.entitlement === 'team_admin')?.active).to.equal(true);
    });

    it('when INITIAL_PURCHASE never arrives for a known user, then the sweep creates the team', async () => {
      const owner = newUser('swept');
      await call(stack.ent as never, 'SyncCustomer', { userId: owner });
      stack.emulator.webhooks.configure({ dropRate: 1 });
      storeAction(stack, 'purchase', { appUserId: owner, productId: 'team_large_monthly' });
      stack.emulator.webhooks.configure({ dropRate: 0 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const report = await stack.service.internals.sweep.run();
      expect(report.customersResynced).to.be.greaterThan(0);
      expect((await waitForTeam(stack, owner)).status).to.equal('TEAM_STATUS_ACTIVE');
    });
  });

  describe('with RevenueCat ignoring renewal re-grants (duplicate window widened to 45 days)', () => {
    let stack: E2eStack;
    before(async () => {
      stack = await startStack({ emulator: { duplicateWindowMs: 45 * DAY } });
    });
    after(async () => stack.stop());

    it("when a renewal's re-grant leaves the old expiry, then it is detected and repaired", async () => {
      const { owner, team, members } = await teamWithMembers(stack, 1);
      const firstEnd = ms(team.periodEndsAt)!;
      storeAction(stack, 'renew', { appUserId: owner, productId: 'team_large_monthly' });
      const renewed = await waitForTeam(stack, owner, (t) => ms(t.periodEndsAt)! > firstEnd);
      const wanted = ms(renewed.periodEndsAt)! + BUFFER;
      await waitForAccess(stack, members[0]!, (a) => Math.abs(ms(a.expiresAt)! - wanted) < 1_000);
      expect(promoExpiry(stack, members[0]!)).to.be.closeTo(wanted, 1_000);
      const report = await call<{ report: { grants: Array<{ state: string }>; outOfSync: number } }>(
        stack.ent as never,
        'GetTeamAccessReport',
        { teamId: team.teamId },
      );
      expect(report.report.outOfSync).to.equal(0);
      expect(report.report.grants.map((g) => g.state)).to.deep.equal(['GRANT_STATE_IN_SYNC']);
    });
  });

  describe('with a RevenueCat outage and a 429 storm during an expiry fan-out', () => {
    let stack: E2eStack;
    before(async () => {
      stack = await startStack({
        env: {
          REVENUECAT_RATE_PER_SECOND: '6',
          REVENUECAT_MAX_INLINE_WAIT_MS: '300',
          BREAKER_VOLUME_THRESHOLD: '4',
          // The setup's successful grants are still in the breaker's 10 s window: a low threshold opens it.
          BREAKER_ERROR_THRESHOLD_PERCENT: '10',
          BREAKER_RESET_MS: '700',
        },
      });
    });
    after(async () => stack.stop());

    it('when RevenueCat fails mid fan-out, then the breaker opens, partitions pause, nothing is dead-lettered and all converge', async () => {
      const { owner, members } = await teamWithMembers(stack, 12, 'team_xl_monthly');
      const registry = stack.service.registry;
      storeAction(stack, 'expire', { appUserId: owner, productId: 'team_xl_monthly' });
      await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_EXPIRED');
      // Once the revokes are under way (6/s), take RevenueCat down, then answer 429s after it comes back.
      await waitFor(
        async () => (await Promise.all(members.map((m) => access(stack, m)))).some((a) => !a.active),
        {
          timeoutMs: 20_000,
          intervalMs: 50,
        },
      );
      stack.emulator.faults.set({ outageUntilMs: Date.now() + 2_500, forced429: 4, retryAfterSeconds: 1 });

      await waitFor(async () => (await metricSum(registry, 'revenuecat_breaker_opened_total')) > 0, {
        timeoutMs: 20_000,
      });
      for (const member of members) await waitForAccess(stack, member, (a) => !a.active, 60_000);
      for (const member of members)
        expect(promoExpiry(stack, member)).to.be.at.most(stack.emulator.clock.now());

      expect(await metricSum(registry, 'entitlement_message_retries_total')).to.be.greaterThan(0);
      expect(await metricSum(registry, 'revenuecat_calls_total', { outcome: '429' })).to.be.greaterThan(0);
      expect(await metricSum(registry, 'entitlement_messages_dead_lettered_total')).to.equal(0);
      expect(await deadLetters(stack)).to.equal(0);
      const ownerAccess = await access(stack, owner, 'team_admin');
      expect(ownerAccess.active).to.equal(false);
    });
  });
});

import { expect } from 'chai';
import type { Team__Output } from '@teamseat/grpc';
import { startStack, DAY, type E2eStack } from '../support/e2e-harness';
import {
  access,
  addMember,
  everyWebhookHandled,
  ms,
  newUser,
  promoExpiry,
  teamOf,
  storeAction,
  waitForAccess,
  waitForTeam,
} from '../support/e2e-steps';
import { call } from '../support/service-harness';

const PRODUCT = 'team_small_monthly';

/**
 * Issue 18, point 8: webhooks RevenueCat never delivered. The emulator drops every RENEWAL or EXPIRATION
 * (`dropEventTypes`), and the team and its members still end right: through the periodic sweep (which
 * re-checks a subscriber once its period end has passed), and through an operator's ReconcileTeam.
 */
async function teamWithMember(stack: E2eStack) {
  const owner = newUser('owner');
  const member = newUser('member');
  storeAction(stack, 'purchase', { appUserId: owner, productId: PRODUCT });
  const team = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
  await addMember(stack, team.teamId, owner, member);
  await waitForAccess(stack, member, (a) => a.active);
  return { owner, member, team, periodEndMs: ms(team.periodEndsAt)! };
}

/**
 * Passes a month with the given webhooks dropped. The service learns RevenueCat's (here virtual) time from
 * RevenueCat's answers; a bystander's login (SyncCustomer) stands in for the traffic a live system has.
 */
async function monthPassesWithout(stack: E2eStack, types: string[], act: () => void = () => undefined) {
  act();
  // The owner's last webhook is handled before the month passes: only the sweep or ReconcileTeam can repair.
  await everyWebhookHandled(stack);
  stack.emulator.webhooks.configure({ dropEventTypes: types, dropEventCount: null });
  try {
    stack.emulator.advance(31 * DAY);
  } finally {
    stack.emulator.webhooks.configure({ dropEventTypes: [] });
  }
  await call(stack.ent as never, 'SyncCustomer', { userId: newUser('bystander'), force: true });
}

function dropped(stack: E2eStack, owner: string, type: string) {
  return stack.emulator.webhooks
    .deliveries()
    .filter((d) => d.appUserId === owner && d.eventType === type)
    .map((d) => d.state);
}

/** Without the sweep, the team is still as the last delivered webhook left it: the drop did its harm. */
async function expectUnrepaired(stack: E2eStack, owner: string, periodEndMs: number) {
  const team = await teamOf(stack, owner);
  expect(team?.status).to.equal('TEAM_STATUS_ACTIVE');
  expect(ms(team?.periodEndsAt)).to.equal(periodEndMs);
}

function repairScenarios(
  name: string,
  repair: (stack: E2eStack, team: Team__Output) => Promise<void>,
  sweeping: boolean,
) {
  it(`when an owner's RENEWAL never arrives, then ${name} renews the team and extends the member's grant`, async function () {
    const stack = this.stack as E2eStack;
    const { owner, member, team, periodEndMs } = await teamWithMember(stack);
    await monthPassesWithout(stack, ['RENEWAL']);
    expect(dropped(stack, owner, 'RENEWAL')).to.deep.equal(['dropped']);
    if (!sweeping) await expectUnrepaired(stack, owner, periodEndMs);

    await repair(stack, team);
    const renewed = await waitForTeam(
      stack,
      owner,
      (t) => t.status === 'TEAM_STATUS_ACTIVE' && ms(t.periodEndsAt)! > periodEndMs,
      60_000,
    );
    const granted = await waitForAccess(stack, member, (a) => a.active, 60_000);
    expect(ms(granted.expiresAt)).to.be.at.least(ms(renewed.periodEndsAt)!);
    expect(promoExpiry(stack, member)).to.be.at.least(ms(renewed.periodEndsAt)!);
  });

  it(`when a cancelled owner's EXPIRATION never arrives, then ${name} expires the team and the member loses access`, async function () {
    const stack = this.stack as E2eStack;
    const { owner, member, team, periodEndMs } = await teamWithMember(stack);
    await monthPassesWithout(stack, ['EXPIRATION'], () =>
      storeAction(stack, 'cancel', { appUserId: owner, productId: PRODUCT }),
    );
    expect(dropped(stack, owner, 'EXPIRATION')).to.deep.equal(['dropped']);
    if (!sweeping) await expectUnrepaired(stack, owner, periodEndMs);

    await repair(stack, team);
    const expired = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_EXPIRED', 60_000);
    expect(expired.seatsUsed).to.equal(0);
    await waitForAccess(stack, member, (a) => !a.active, 60_000);
    expect((await access(stack, member)).active).to.equal(false);
  });
}

describe('repair paths: missed RENEWAL and EXPIRATION webhooks (end to end)', function () {
  this.timeout(180_000);

  describe('through the periodic sweep', function () {
    before(async function () {
      this.stack = await startStack({ env: { SWEEP_INTERVAL_MS: '500', SWEEP_LEASE_MS: '5000' } });
    });
    after(async function () {
      await (this.stack as E2eStack | undefined)?.stop();
    });
    repairScenarios('the sweep', async () => undefined, true);
  });

  describe('through ReconcileTeam', function () {
    before(async function () {
      this.stack = await startStack();
    });
    after(async function () {
      await (this.stack as E2eStack | undefined)?.stop();
    });
    repairScenarios(
      'ReconcileTeam',
      async (stack, team) => {
        await call(stack.ent as never, 'ReconcileTeam', { teamId: team.teamId });
      },
      false,
    );
  });
});

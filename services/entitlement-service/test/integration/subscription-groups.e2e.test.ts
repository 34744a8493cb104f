import { expect } from 'chai';
import type { Team__Output } from '@teamseat/grpc';
import { waitFor } from '@teamseat/testing';
import { startStack, writeCatalog, E2E_CATALOG, type E2eStack } from '../support/e2e-harness';
import { addMember, newUser, storeAction, waitForAccess, waitForTeam } from '../support/e2e-steps';
import { call } from '../support/service-harness';

/** The e2e catalog plus a second subscription group of the team_admin line, with two tiers. */
const CATALOG = {
  ...E2E_CATALOG,
  products: [
    ...E2E_CATALOG.products,
    ...[
      { productId: 'team_plus_monthly', seats: 5 },
      { productId: 'team_plus_large_monthly', seats: 8 },
    ].map((tier) => ({
      ...tier,
      managementEntitlement: 'team_admin',
      subscriptionGroup: 'team_plus',
      memberEntitlements: ['pro'],
      grantMode: 'period',
      shrinkPolicy: 'remove-last-joined',
      periodDays: 30,
    })),
  ],
};

describe('one team per subscription end to end (emulator → gateway → Kafka → entitlement-service ↔ team-service)', function () {
  this.timeout(120_000);
  let stack: E2eStack;

  before(async () => {
    stack = await startStack({ catalogFile: writeCatalog(CATALOG) });
  });
  after(async () => stack.stop());

  const teamByGroup = (owner: string, subscriptionGroup: string) =>
    call<{ team: Team__Output }>(stack.teams as never, 'GetTeam', {
      key: { subscriberUserId: owner, managementEntitlement: 'team_admin', subscriptionGroup },
    });

  it('when a manager holds two team subscriptions of one line in two groups, then they get two teams with their own seats, both listed, and a tier change keeps its team', async () => {
    const owner = newUser('owner');
    storeAction(stack, 'purchase', { appUserId: owner, productId: 'team_large_monthly' });
    const base = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    storeAction(stack, 'purchase', { appUserId: owner, productId: 'team_plus_monthly' });
    let plus = await waitFor(
      async () => (await teamByGroup(owner, 'team_plus').catch(() => undefined))?.team,
      { timeoutMs: 20_000 },
    );
    expect(plus.teamId).to.not.equal(base.teamId);
    expect(plus).to.include({ seatLimit: 5, productId: 'team_plus_monthly' });
    expect(base).to.include({ seatLimit: 3, productId: 'team_large_monthly' });

    const inBase = newUser('member');
    const inPlus = newUser('member');
    await addMember(stack, base.teamId, owner, inBase);
    await addMember(stack, plus.teamId, owner, inPlus);
    for (const member of [inBase, inPlus]) await waitForAccess(stack, member, (a) => a.active);

    const listed = await call<{ memberships: Array<{ team: Team__Output }> }>(
      stack.teams as never,
      'ListTeamsOfUser',
      { userId: owner },
    );
    expect(listed.memberships.map((m) => m.team.teamId)).to.have.members([base.teamId, plus.teamId]);

    storeAction(stack, 'product_change', {
      appUserId: owner,
      productId: 'team_plus_monthly',
      newProductId: 'team_plus_large_monthly',
      timing: 'now',
    });
    plus = await waitFor(
      async () => {
        const { team } = await teamByGroup(owner, 'team_plus');
        return team.seatLimit === 8 ? team : undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect(plus).to.include({ productId: 'team_plus_large_monthly', memberCount: 2 });
    const again = await waitForTeam(stack, owner);
    expect(again).to.include({ teamId: base.teamId, seatLimit: 3, memberCount: 2 });
    for (const member of [inBase, inPlus]) await waitForAccess(stack, member, (a) => a.active);
  });
});

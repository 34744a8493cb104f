import { expect } from 'chai';
import { startStack, type E2eStack } from '../support/e2e-harness';
import {
  access,
  addMember,
  newUser,
  removeMember,
  storeAction,
  waitForAccess,
  waitForTeam,
} from '../support/e2e-steps';
import { settledRow } from '../support/grant-steps';

/**
 * Issue 18, point 2 (ADR 0029): users of RevenueCat's v1 API report that a promotional grant answers 404
 * until the customer exists; a GET of the subscriber creates it. A seat given to a user RevenueCat has never
 * seen must still end in a grant, never in a FAILED ledger row.
 */
describe('grants to users RevenueCat has never seen, end to end (emulator answers 404 until a GET)', function () {
  this.timeout(120_000);
  let stack: E2eStack;

  before(async () => {
    stack = await startStack({ emulator: { unknownCustomerGrants: 'not-found' } });
  });
  after(async () => stack?.stop());

  it('when a user RevenueCat has never seen is added to a team, then the customer is created and the grant made', async () => {
    const owner = newUser('owner');
    storeAction(stack, 'purchase', { appUserId: owner, productId: 'team_large_monthly' });
    const team = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    const newcomer = newUser('newcomer');
    expect(stack.emulator.customers.get(newcomer)).to.equal(undefined);

    await addMember(stack, team.teamId, owner, newcomer);
    const row = await settledRow(stack, team.teamId, newcomer);
    expect(row.state, row.lastError).to.equal('GRANT_STATE_IN_SYNC');
    expect((await access(stack, newcomer)).active).to.equal(true);
    expect(stack.emulator.customers.get(newcomer)?.grants).to.have.length(1);

    await removeMember(stack, team.teamId, owner, newcomer);
    await waitForAccess(stack, newcomer, (a) => !a.active);
  });
});

import { status } from '@teamseat/grpc';
import { randomName } from '@teamseat/testing';
import { expect } from 'chai';
import {
  expectFailure,
  startHarness,
  subscriptionState,
  type Harness,
  type ProvisionOptions,
} from '../support/harness';

const LINE = 'team_pro_admin';

describe('team-service: one team per subscription (ADR 0030)', () => {
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  let tick = Date.now();
  const apply = (options: ProvisionOptions) =>
    harness.internal(
      'ApplySubscriptionState',
      subscriptionState({ sourceEventAt: new Date((tick += 1_000)), entitlement: LINE, ...options }),
    );
  const byKey = (subscriberUserId: string, subscriptionGroup?: string) =>
    harness.internal('GetTeam', {
      key: { subscriberUserId, managementEntitlement: LINE, subscriptionGroup: subscriptionGroup ?? '' },
    });

  it('when a manager holds two subscriptions of one line in two groups, then each is its own team with its own seats, and both are listed', async () => {
    const owner = randomName('owner');
    const first = await apply({ subscriber: owner, productId: 'team_pro_monthly', seats: 3 });
    const second = await apply({
      subscriber: owner,
      productId: 'team_plus_monthly',
      seats: 8,
      subscriptionGroup: 'team_plus',
    });
    expect(second.team.teamId).to.not.equal(first.team.teamId);
    expect(first.team).to.include({ seatLimit: 3, subscriptionGroup: LINE });
    expect(second.team).to.include({ seatLimit: 8, subscriptionGroup: 'team_plus' });

    await harness.app('AddMember', { teamId: first.team.teamId, userId: 'm1', actorUserId: owner });
    const usage = await harness.app('GetSeatUsage', { teamId: second.team.teamId });
    expect(usage).to.include({ seatsUsed: 0, seatLimit: 8 });

    const listed = await harness.app('ListTeamsOfUser', { userId: owner });
    expect(listed.memberships.map((m: { team: { teamId: string } }) => m.team.teamId)).to.have.members([
      first.team.teamId,
      second.team.teamId,
    ]);
    // A key without a group is the line's default group: what callers from before groups meant.
    expect((await byKey(owner)).team.teamId).to.equal(first.team.teamId);
    expect((await byKey(owner, LINE)).team.teamId).to.equal(first.team.teamId);
    expect((await byKey(owner, 'team_plus')).team.teamId).to.equal(second.team.teamId);
    await expectFailure(byKey(owner, 'team_other'), status.NOT_FOUND, 'TEAM_NOT_FOUND');
  });

  it('when one subscription changes tier within its group, then it keeps its team and the other is untouched', async () => {
    const owner = randomName('owner');
    const base = await apply({ subscriber: owner, productId: 'team_pro_monthly', seats: 3 });
    const plus = await apply({
      subscriber: owner,
      productId: 'team_plus_monthly',
      seats: 8,
      subscriptionGroup: 'team_plus',
    });
    const changed = await apply({
      subscriber: owner,
      productId: 'team_plus_yearly',
      seats: 12,
      subscriptionGroup: 'team_plus',
    });
    expect(changed.team).to.include({
      teamId: plus.team.teamId,
      productId: 'team_plus_yearly',
      seatLimit: 12,
    });
    const untouched = await harness.internal('GetTeam', { teamId: base.team.teamId });
    expect(untouched.team).to.include({ productId: 'team_pro_monthly', seatLimit: 3, version: '1' });
  });
});

import { randomName } from '@teamseat/testing';
import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import {
  expectFailure,
  provisionTeam,
  startHarness,
  subscriptionState,
  type Harness,
} from '../support/harness';

const ANONYMOUS = '$RCAnonymousID:0123456789abcdef0123456789abcdef';

describe('team-service takes identified users only (ADR 0030)', () => {
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  async function refusedAnonymous(call: Promise<unknown>, field: string) {
    const error = await expectFailure(call, status.INVALID_ARGUMENT, 'ANONYMOUS_USER_ID');
    expect(error.details).to.contain(`${field}: is an anonymous RevenueCat id`);
  }

  it('when an anonymous id is added, invited by, accepts or is handed a team, then INVALID_ARGUMENT ANONYMOUS_USER_ID names the field, and nothing changes', async () => {
    const { team, owner } = await provisionTeam(harness);
    const teamId = team.teamId;
    await refusedAnonymous(
      harness.app('AddMember', { teamId, userId: ANONYMOUS, actorUserId: owner }),
      'user_id',
    );
    await refusedAnonymous(
      harness.app('InviteByEmail', { teamId, email: 'a@example.com', actorUserId: ANONYMOUS }),
      'actor_user_id',
    );
    const { invite } = await harness.app('InviteByEmail', {
      teamId,
      email: 'b@example.com',
      actorUserId: owner,
    });
    await refusedAnonymous(
      harness.app('AcceptInvite', { token: invite.token, actorUserId: ANONYMOUS }),
      'actor_user_id',
    );
    await refusedAnonymous(
      harness.app('TransferOwnership', {
        teamId,
        newOwnerUserId: ANONYMOUS,
        kind: 'TRANSFER_KIND_OWNER_INITIATED',
        actorUserId: owner,
      }),
      'new_owner_user_id',
    );
    await refusedAnonymous(
      harness.internal('TransferOwnership', {
        teamId,
        newOwnerUserId: ANONYMOUS,
        kind: 'TRANSFER_KIND_STORE_TRANSFER',
      }),
      'new_owner_user_id',
    );
    const usage = await harness.app('GetSeatUsage', { teamId });
    expect(usage).to.include({ memberCount: 1, pendingInvites: 1 });
    const accepted = await harness.app('AcceptInvite', { token: invite.token, actorUserId: 'bob' });
    expect(accepted.member.userId).to.equal('bob');
  });

  it('when a team purchase is made under an anonymous id, then no team exists until the purchase moves to an identified id', async () => {
    const anonymous = await harness.internal(
      'ApplySubscriptionState',
      subscriptionState({ subscriber: ANONYMOUS, sourceEventAt: new Date() }),
    );
    expect(anonymous).to.include({ changed: false, team: null });
    await expectFailure(
      harness.internal('GetTeam', {
        key: { subscriberUserId: ANONYMOUS, managementEntitlement: 'team_pro_admin' },
      }),
      status.NOT_FOUND,
      'TEAM_NOT_FOUND',
    );
    const identified = randomName('alice');
    const moved = await harness.internal(
      'ApplySubscriptionState',
      subscriptionState({ subscriber: identified, sourceEventAt: new Date() }),
    );
    expect(moved.team).to.include({ ownerUserId: identified, status: 'TEAM_STATUS_ACTIVE' });
  });
});

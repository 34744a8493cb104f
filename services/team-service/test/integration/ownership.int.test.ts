import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import { eventsOf, publishedEvents, typeName } from '../support/events';
import {
  expectFailure,
  provisionTeam,
  startHarness,
  subscriptionState,
  type Harness,
} from '../support/harness';

describe('team-service TransferOwnership over gRPC', () => {
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  async function teamWith(members: string[], options = {}) {
    const { team, owner } = await provisionTeam(harness, { seats: 5, ...options });
    for (const userId of members)
      await harness.app('AddMember', { teamId: team.teamId, userId, actorUserId: owner });
    return { teamId: team.teamId, owner };
  }

  const transfer = (request: object) => harness.app('TransferOwnership', request);

  it('when the owner hands the team to a member, then roles swap and the subscription stays with the subscriber', async () => {
    const { teamId, owner } = await teamWith(['heir', 'other']);
    const { team } = await transfer({
      teamId,
      newOwnerUserId: 'heir',
      kind: 'TRANSFER_KIND_OWNER_INITIATED',
      previousOwnerRole: 'ROLE_ADMIN',
      actorUserId: owner,
    });
    expect(team).to.include({ ownerUserId: 'heir', subscriberUserId: owner, seatsUsed: 2, memberCount: 3 });
    expect(team.admins).to.deep.equal([owner]);
    // The new owner rules now; the old one is an admin.
    await harness.app('GrantAdmin', { teamId, userId: 'other', actorUserId: 'heir' });
    await expectFailure(
      harness.app('RevokeAdmin', { teamId, userId: 'other', actorUserId: owner }),
      status.PERMISSION_DENIED,
      'NOT_TEAM_OWNER',
    );
    const transferred = eventsOf(await publishedEvents(harness), teamId).find(
      (e) => typeName(e) === 'OwnershipTransferred',
    )!;
    expect(transferred.data).to.include({
      ownerUserId: 'heir',
      previousOwnerUserId: owner,
      subscriberUserId: owner,
      kind: 'owner-initiated',
      previousOwnerRole: 'admin',
    });
  });

  it('when the previous owner keeps no role, then they leave with MemberRemoved ownership-transferred', async () => {
    const { teamId, owner } = await teamWith(['heir']);
    const { team } = await transfer({
      teamId,
      newOwnerUserId: 'heir',
      kind: 'TRANSFER_KIND_OWNER_INITIATED',
      actorUserId: owner,
    });
    expect(team.memberCount).to.equal(1);
    const removed = eventsOf(await publishedEvents(harness), teamId).find(
      (e) => typeName(e) === 'MemberRemoved',
    )!;
    expect(removed.data).to.include({ userId: owner, reason: 'ownership-transferred' });
  });

  it('when the rules are broken, then NOT_TEAM_OWNER, NOT_A_MEMBER or ALREADY_OWNER', async () => {
    const { teamId, owner } = await teamWith(['heir']);
    const request = { teamId, kind: 'TRANSFER_KIND_OWNER_INITIATED', previousOwnerRole: 'ROLE_MEMBER' };
    await expectFailure(
      transfer({ ...request, newOwnerUserId: 'heir', actorUserId: 'heir' }),
      status.PERMISSION_DENIED,
      'NOT_TEAM_OWNER',
    );
    await expectFailure(
      transfer({ ...request, newOwnerUserId: 'outsider', actorUserId: owner }),
      status.NOT_FOUND,
      'NOT_A_MEMBER',
    );
    await expectFailure(
      transfer({ ...request, newOwnerUserId: owner, actorUserId: owner }),
      status.FAILED_PRECONDITION,
      'ALREADY_OWNER',
    );
  });

  it('when RevenueCat moved the purchase (store transfer), then subscriber and owner move, the key follows, and a repeat changes nothing', async () => {
    const { teamId, owner } = await teamWith(['m1']);
    await expectFailure(
      transfer({ teamId, newOwnerUserId: 'new-account', kind: 'TRANSFER_KIND_STORE_TRANSFER' }),
      status.PERMISSION_DENIED,
      'INTERNAL_ONLY',
    );
    const request = {
      teamId,
      newOwnerUserId: 'new-account',
      kind: 'TRANSFER_KIND_STORE_TRANSFER',
      sourceEventId: 'rc-transfer-1',
    };
    const { team } = await harness.internal('TransferOwnership', request);
    expect(team).to.include({ ownerUserId: 'new-account', subscriberUserId: 'new-account', memberCount: 2 });
    const again = await harness.internal('TransferOwnership', request);
    expect(again.team.version).to.equal(team.version);

    const byNewKey = await harness.internal('GetTeam', {
      key: { subscriberUserId: 'new-account', managementEntitlement: 'team_pro_admin' },
    });
    expect(byNewKey.team.teamId).to.equal(teamId);
    await expectFailure(
      harness.internal('GetTeam', {
        key: { subscriberUserId: owner, managementEntitlement: 'team_pro_admin' },
      }),
      status.NOT_FOUND,
      'TEAM_NOT_FOUND',
    );
    // The next subscription state of the new subscriber lands on the same team.
    const applied = await harness.internal(
      'ApplySubscriptionState',
      subscriptionState({ subscriber: 'new-account', seats: 7 }),
    );
    expect(applied.team).to.include({ teamId, seatLimit: 7 });
    const transferred = eventsOf(await publishedEvents(harness), teamId).filter(
      (e) => typeName(e) === 'OwnershipTransferred',
    );
    expect(transferred).to.have.length(1);
    expect(transferred[0]!.causationid).to.equal('rc-transfer-1');
  });

  it('when the new subscriber already has a team of that entitlement, then ALREADY_EXISTS TEAM_ALREADY_OWNED', async () => {
    const { teamId } = await teamWith([]);
    const { owner: otherOwner } = await provisionTeam(harness, { seats: 2 });
    await expectFailure(
      harness.internal('TransferOwnership', {
        teamId,
        newOwnerUserId: otherOwner,
        kind: 'TRANSFER_KIND_STORE_TRANSFER',
      }),
      status.ALREADY_EXISTS,
      'TEAM_ALREADY_OWNED',
    );
  });
});

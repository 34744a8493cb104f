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

const PACK = { productId: 'team_seats_2', seats: 2 };

describe('team-service: seat packs (ADR 0038)', () => {
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  let tick = Date.now();
  const apply = (options: ProvisionOptions) =>
    harness.internal(
      'ApplySubscriptionState',
      subscriptionState({ sourceEventAt: new Date((tick += 1_000)), ...options }),
    );
  const usage = (teamId: string) => harness.app('GetSeatUsage', { teamId });
  const memberIds = async (teamId: string) =>
    (await harness.app('ListMembers', { teamId, pageSize: 50 })).members.map(
      (m: { userId: string }) => m.userId,
    );

  it('when a pack runs with the plan, then the seats grow and GetSeatUsage shows the plan and the pack; when it lapses, the last joined leave', async () => {
    const owner = randomName('owner');
    const plan = { subscriber: owner, seats: 3, shrinkPolicy: 'SHRINK_POLICY_REMOVE_LAST_JOINED' } as const;
    const { team } = await apply({ ...plan, seatPacks: [PACK] });
    expect(team).to.include({ seatLimit: 5 });
    expect((await usage(team.teamId)).seatSources).to.deep.equal([
      { kind: 'SEAT_SOURCE_KIND_PLAN', productId: 'team_pro_monthly', seats: 3 },
      { kind: 'SEAT_SOURCE_KIND_PACK', productId: PACK.productId, seats: 2 },
    ]);

    const members = ['m1', 'm2', 'm3', 'm4', 'm5'].map((m) => randomName(m));
    for (const userId of members) {
      await harness.app('AddMember', { teamId: team.teamId, userId, actorUserId: owner });
    }
    expect(await usage(team.teamId)).to.include({ seatsUsed: 5, seatsAvailable: 0 });

    const lapsed = await apply(plan);
    expect(lapsed.team).to.include({ seatLimit: 3 });
    expect(await memberIds(team.teamId)).to.deep.equal([owner, ...members.slice(0, 3)]);
    const after = await usage(team.teamId);
    expect(after).to.include({ seatLimit: 3, seatsUsed: 3, seatsAvailable: 0 });
    expect(after.seatSources).to.deep.equal([
      { kind: 'SEAT_SOURCE_KIND_PLAN', productId: 'team_pro_monthly', seats: 3 },
    ]);
  });

  it('when the team expires with a pack running, then it has no seats and no sources, and the pack counts again when it comes back', async () => {
    const owner = randomName('owner');
    const { team } = await apply({ subscriber: owner, seats: 3, seatPacks: [PACK] });
    await apply({ subscriber: owner, seats: 0, status: 'TEAM_STATUS_EXPIRED', seatPacks: [PACK] });
    expect(await usage(team.teamId)).to.deep.include({ seatLimit: 0, seatSources: [] });
    const back = await apply({ subscriber: owner, seats: 3, seatPacks: [PACK] });
    expect(back.team).to.include({ teamId: team.teamId, seatLimit: 5 });
  });

  it('when a pack is malformed, then INVALID_ARGUMENT names its field', async () => {
    for (const [seatPacks, field] of [
      [[{ productId: '', seats: 2 }], 'seat_packs[0].product_id'],
      [[{ productId: 'p', seats: 0 }], 'seat_packs[0].seats'],
      [[PACK, PACK], 'seat_packs[1].product_id'],
    ] as const) {
      const error = await expectFailure(
        apply({ seatPacks: [...seatPacks] }),
        status.INVALID_ARGUMENT,
        'INVALID_ARGUMENT',
      );
      expect(error.details).to.contain(field);
    }
  });
});

describe('team-service: seat packs with a catalog', () => {
  let harness: Harness;
  const catalog = require.resolve('../../../../config/catalog.sample.yaml');
  before(async () => (harness = await startHarness({ env: { CATALOG_FILE: catalog } })));
  after(async () => harness?.stop());

  const request = (seatPacks: ProvisionOptions['seatPacks']) =>
    subscriptionState({ productId: 'team_pro_monthly', entitlement: 'team_admin', seats: 3, seatPacks });

  it("when the pack is one of the line's catalog packs, then it counts; a pack of another line or none is refused naming the field", async () => {
    const { team } = await harness.internal(
      'ApplySubscriptionState',
      request([{ productId: 'team_seats_5_monthly', seats: 5 }]),
    );
    expect(team).to.include({ seatLimit: 8 });
    for (const productId of ['team_pro_yearly', 'not_in_catalog']) {
      const error = await expectFailure(
        harness.internal('ApplySubscriptionState', request([{ productId, seats: 5 }])),
        status.INVALID_ARGUMENT,
        'INVALID_ARGUMENT',
      );
      expect(error.details).to.contain('seat_packs[0].product_id');
    }
  });
});

import { expect } from 'chai';
import { startStack, writeCatalog, E2E_CATALOG, type E2eStack } from '../support/e2e-harness';
import { addMember, newUser, storeAction, teamOf, waitForAccess, waitForTeam } from '../support/e2e-steps';
import { call } from '../support/service-harness';

const PACK = 'team_seats_2_monthly';
const PLAN = 'team_large_monthly'; // 3 seats, remove-last-joined

/** The e2e catalog plus a 2-seat pack for the team_admin line (ADR 0038). */
const CATALOG = {
  ...E2E_CATALOG,
  seatPacks: [{ productId: PACK, addsSeatsTo: 'team_admin', seats: 2, periodDays: 30 }],
};

interface SeatUsage {
  seatLimit: number;
  seatsUsed: number;
  seatSources: Array<{ kind: string; productId: string; seats: number }>;
}

describe('seat packs end to end (emulator → gateway → Kafka → entitlement-service ↔ team-service)', function () {
  this.timeout(120_000);
  let stack: E2eStack;

  before(async () => {
    stack = await startStack({ catalogFile: writeCatalog(CATALOG) });
  });
  after(async () => stack.stop());

  const seatUsage = (teamId: string) => call<SeatUsage>(stack.teams as never, 'GetSeatUsage', { teamId });

  it('when a manager buys a seat pack and the team plan, then the seats grow; when the pack lapses, its seats go and the last joined lose their seats and access', async () => {
    const owner = newUser('owner');
    // Bought before the team exists: nothing to add seats to yet; the pack waits in RevenueCat's record.
    storeAction(stack, 'purchase', { appUserId: owner, productId: PACK });
    await call(stack.ent as never, 'SyncCustomer', { userId: owner, force: true });
    expect(await teamOf(stack, owner)).to.equal(undefined);

    storeAction(stack, 'purchase', { appUserId: owner, productId: PLAN });
    const team = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    expect(team).to.include({ seatLimit: 5, productId: PLAN });
    expect((await seatUsage(team.teamId)).seatSources).to.deep.equal([
      { kind: 'SEAT_SOURCE_KIND_PLAN', productId: PLAN, seats: 3 },
      { kind: 'SEAT_SOURCE_KIND_PACK', productId: PACK, seats: 2 },
    ]);

    const members = [1, 2, 3, 4, 5].map((i) => newUser(`member${i}`));
    for (const member of members) await addMember(stack, team.teamId, owner, member);
    for (const member of members) await waitForAccess(stack, member, (a) => a.active);

    storeAction(stack, 'expire', { appUserId: owner, productId: PACK });
    const shrunk = await waitForTeam(stack, owner, (t) => t.seatLimit === 3);
    expect(shrunk).to.include({ teamId: team.teamId, memberCount: 4, status: 'TEAM_STATUS_ACTIVE' });
    const usage = await seatUsage(team.teamId);
    expect(usage).to.include({ seatLimit: 3, seatsUsed: 3 });
    expect(usage.seatSources).to.deep.equal([{ kind: 'SEAT_SOURCE_KIND_PLAN', productId: PLAN, seats: 3 }]);
    for (const gone of members.slice(3)) await waitForAccess(stack, gone, (a) => !a.active);
    for (const kept of members.slice(0, 3)) await waitForAccess(stack, kept, (a) => a.active);

    // Bought again: the seats come back to the same team.
    storeAction(stack, 'purchase', { appUserId: owner, productId: PACK });
    const regrown = await waitForTeam(stack, owner, (t) => t.seatLimit === 5);
    expect(regrown.teamId).to.equal(team.teamId);
  });
});

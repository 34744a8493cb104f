import { expect } from 'chai';
import { waitFor } from '@teamseat/testing';
import { deadLetters } from './support/dead-letters';
import { recordFigures } from './support/figures';
import { addMember, checkAccess, teamOf } from './support/grpc-clients';
import { inBatches, newUser, sleep } from './support/load';
import { startSystem, type System } from './support/system';

const MEMBERS = 1_000;
const RATE_PER_SECOND = 50;

describe('fault: entitlement-service is SIGKILLed in the middle of a 1,000-member expiry', function () {
  this.timeout(15 * 60_000);
  let system: System;
  before(async () => {
    system = await startSystem({ entitlementEnv: { REVENUECAT_RATE_PER_SECOND: String(RATE_PER_SECOND) } });
  });
  after(() => system?.stop());

  it('when it is killed a quarter of the way through the revokes and restarted, then every member is revoked and none was granted twice', async () => {
    const { emulator, clients, entitlementService } = system;
    const owner = newUser('exp-owner');
    await emulator.purchase(owner, 'team_huge_monthly');
    const team = await system.explain(
      waitFor(
        async () => {
          const found = await teamOf(clients, owner);
          return found?.status === 'TEAM_STATUS_ACTIVE' ? found : undefined;
        },
        { timeoutMs: 60_000, description: 'the 1,000-seat team' },
      ),
    );
    const members = Array.from({ length: MEMBERS }, (_, i) => newUser(`exp-m${i}`));
    const addStarted = Date.now();
    await inBatches(members, 4, (member) => addMember(clients, team.teamId, owner, member));
    const addedMs = Date.now() - addStarted;
    // Every grant echoes as a NON_RENEWING_PURCHASE (store PROMOTIONAL) for the member.
    const echoes = async (type: string) =>
      (await emulator.deliveries({ type })).filter((d) => d.appUserId?.startsWith('exp-m')).length;
    await system.explain(
      waitFor(async () => (await echoes('NON_RENEWING_PURCHASE')) >= MEMBERS, {
        timeoutMs: 180_000,
        intervalMs: 1_000,
        description: `${MEMBERS} grants`,
      }),
    );
    const grantedMs = Date.now() - addStarted;

    await emulator.storeAction('expire', { app_user_id: owner, product_id: 'team_huge_monthly' });
    const expiredAt = Date.now();
    await system.explain(
      waitFor(async () => (await echoes('CANCELLATION')) >= MEMBERS / 4, {
        timeoutMs: 180_000,
        intervalMs: 250,
        description: 'a quarter of the revokes',
      }),
    );
    const revokedAtKill = await echoes('CANCELLATION');
    await entitlementService.kill();
    await sleep(2_000);
    await entitlementService.start();

    // Counted below either way: a scenario that does not hold still records what it reached.
    await waitFor(async () => (await echoes('CANCELLATION')) >= MEMBERS, {
      timeoutMs: 300_000,
      intervalMs: 1_000,
      description: `${MEMBERS} revokes`,
    }).catch(() => undefined);
    const revokedMs = Date.now() - expiredAt;
    // Then the store's own word for each member: no active promotional grant, and exactly one grant ever.
    const grantCounts = new Map<string, number>();
    const stillActive: string[] = [];
    await inBatches(members, 8, async (member) => {
      const { grants, active } = await emulator.grants(member);
      grantCounts.set(member, grants.length);
      if (active.length > 0) stillActive.push(member);
    });
    const grantedTwice = members.filter((m) => (grantCounts.get(m) ?? 0) > 1);
    const neverGranted = members.filter((m) => (grantCounts.get(m) ?? 0) === 0);
    const withAccess: string[] = [];
    await inBatches(members, 8, async (member) => {
      if ((await checkAccess(clients, member)).active) withAccess.push(member);
    });
    const dead = await deadLetters(system.brokers, system.consumedTopics);
    recordFigures('entitlement-service SIGKILL mid 1,000-member expiry', {
      members: MEMBERS,
      addMembersMs: addedMs,
      allGrantedMs: grantedMs,
      revokedWhenKilled: revokedAtKill,
      allRevokedAfterExpiryMs: revokedMs,
      stillActive: stillActive.length,
      grantedTwice: grantedTwice.length,
      neverGranted: neverGranted.length,
      checkAccessStillTrue: withAccess.length,
      deadLetters: dead.length,
    });
    expect(stillActive, 'members with an active promotional grant').to.deep.equal([]);
    expect(grantedTwice, 'members granted more than once').to.deep.equal([]);
    expect(neverGranted, 'members never granted').to.deep.equal([]);
    expect(withAccess, 'members CheckAccess still says have pro').to.deep.equal([]);
    expect(dead, 'dead letters').to.deep.equal([]);
  });
});

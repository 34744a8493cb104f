import { expect } from 'chai';
import { startStack, type E2eStack } from '../support/e2e-harness';
import {
  access,
  addMember,
  ms,
  newUser,
  promoExpiry,
  removeMember,
  storeAction,
  teamOf,
  waitForAccess,
  waitForTeam,
} from '../support/e2e-steps';
import { startFactForger } from '../support/forged-facts';

/**
 * Issue 16, point 4 (ADR 0021): grant-terms facts produced by hand on teamseat.member-grants.v1, or
 * replayed from the past, never make a grant that team-service's current roster and version do not support.
 */
describe('forged and replayed grant-terms facts end to end (real Kafka, team-service, emulator)', function () {
  this.timeout(180_000);
  let stack: E2eStack;
  let forger: Awaited<ReturnType<typeof startFactForger>>;

  before(async () => {
    stack = await startStack();
    forger = await startFactForger(stack);
  });
  after(async () => {
    await forger?.stop();
    await stack?.stop();
  });

  async function teamOfNewOwner() {
    const owner = newUser('owner');
    storeAction(stack, 'purchase', { appUserId: owner, productId: 'team_large_monthly' });
    const team = await waitForTeam(stack, owner, (t) => t.status === 'TEAM_STATUS_ACTIVE');
    return { owner, team };
  }

  async function expectNoGrant(userId: string, grantsBefore: number) {
    await forger.settled();
    expect(await forger.grantCalls(), 'promotional grants asked of RevenueCat').to.equal(grantsBefore);
    expect(promoExpiry(stack, userId), 'a promotional grant in RevenueCat').to.equal(undefined);
    expect((await access(stack, userId)).active, 'CheckAccess').to.equal(false);
  }

  it('when a lifetime fact names a real team the user is not on, then no grant is made', async () => {
    const { team } = await teamOfNewOwner();
    await forger.settled();
    const stranger = newUser('stranger');
    const before = await forger.grantCalls();
    await forger.produce([
      {
        userId: stranger,
        teamId: team.teamId,
        teamVersion: Number(team.version) + 1,
        grant: { kind: 'lifetime' },
      },
      { userId: stranger, teamId: team.teamId, teamVersion: 1_000_000, grant: { kind: 'lifetime' } },
    ]);
    await expectNoGrant(stranger, before);
  });

  it('when a fact names a team that does not exist, then no grant is made', async () => {
    await forger.settled();
    const stranger = newUser('stranger');
    const before = await forger.grantCalls();
    await forger.produce([
      { userId: stranger, teamId: 'made-up-team', teamVersion: 7, grant: { kind: 'lifetime' } },
      {
        userId: stranger,
        teamId: 'another-made-up-team',
        teamVersion: 1,
        grant: {
          kind: 'until',
          until: new Date(stack.emulator.clock.now() + 365 * 86_400_000).toISOString(),
        },
      },
    ]);
    await expectNoGrant(stranger, before);
  });

  it('when an old until fact is replayed after the member was removed, at its own or a higher version, then access is not restored', async () => {
    const { owner, team } = await teamOfNewOwner();
    const member = newUser('member');
    const added = await addMember(stack, team.teamId, owner, member);
    await waitForAccess(stack, member, (a) => a.active);
    const until = new Date(ms(team.periodEndsAt)!).toISOString();
    const removed = await removeMember(stack, team.teamId, owner, member);
    await waitForAccess(stack, member, (a) => !a.active);
    await forger.settled();
    const before = await forger.grantCalls();

    const old = { userId: member, teamId: team.teamId, grant: { kind: 'until' as const, until } };
    await forger.produce([
      { ...old, teamVersion: Number(added.team.version) },
      { ...old, teamVersion: Number(removed.team.version) + 5 },
    ]);
    await forger.settled();
    expect(await forger.grantCalls(), 'promotional grants asked of RevenueCat').to.equal(before);
    expect(promoExpiry(stack, member)).to.be.at.most(stack.emulator.clock.now());
    expect((await access(stack, member)).active, 'CheckAccess').to.equal(false);
  });

  it('when a fact claims more than the team gives a member, then the member gets what team-service says, and later facts still apply', async () => {
    const { owner, team } = await teamOfNewOwner();
    const member = newUser('member');
    await addMember(stack, team.teamId, owner, member);
    const granted = await waitForAccess(stack, member, (a) => a.active);
    await forger.settled();

    await forger.produce([
      { userId: member, teamId: team.teamId, teamVersion: 1_000_000, grant: { kind: 'lifetime' } },
    ]);
    await forger.settled();
    const after = await access(stack, member);
    expect(after.lifetime, 'a forged lifetime grant').to.equal(false);
    expect(ms(after.expiresAt)).to.equal(ms(granted.expiresAt));

    // The forged version was not stored: team-service's next fact (the removal) still takes access away.
    await removeMember(stack, team.teamId, owner, member);
    await waitForAccess(stack, member, (a) => !a.active);
  });

  it('when a forged webhook claims a team purchase for a user who bought nothing, then no team and no grant follow', async () => {
    await forger.settled();
    const forgedOwner = newUser('forged-owner');
    const before = await forger.grantCalls();
    const now = stack.emulator.clock.now();
    await forger.produceWebhook({
      id: `forged-${forgedOwner}`,
      type: 'INITIAL_PURCHASE',
      app_user_id: forgedOwner,
      product_id: 'team_large_monthly',
      entitlement_ids: ['team_admin'],
      period_type: 'NORMAL',
      purchased_at_ms: now,
      expiration_at_ms: now + 365 * 86_400_000,
      event_timestamp_ms: now,
      store: 'APP_STORE',
      environment: 'PRODUCTION',
    });
    await expectNoGrant(forgedOwner, before);
    expect(await teamOf(stack, forgedOwner), 'a team for the forged purchase').to.equal(undefined);
  });
});

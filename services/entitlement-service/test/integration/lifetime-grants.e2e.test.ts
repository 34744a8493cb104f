import { expect } from 'chai';
import type { LifetimeStyle } from '@teamseat/revenuecat-emulator';
import { startStack, type E2eStack } from '../support/e2e-harness';
import { access, addMember, newUser, removeMember, storeAction, waitForAccess } from '../support/e2e-steps';
import {
  andFactsHandled,
  promotionalGrants,
  revenuecatCalls,
  settledRow,
  waitForLineTeam,
} from '../support/grant-steps';
import { call, CATALOG_FILE } from '../support/service-harness';

const PRODUCT = 'team_lifetime_monthly';
const LINE = 'team_lifetime_admin';

/**
 * Issue 18, point 1 (ADR 0029): the sample catalog's lifetime team product end to end, with RevenueCat
 * answering a lifetime promotional both as documented (null expiry) and as its SDK tracker shows one
 * (expiring in 2222, here the grant's start + 200 years).
 */
for (const shape of ['null', 'far-future'] as LifetimeStyle[]) {
  describe(`lifetime team grants end to end (RevenueCat reads lifetime as ${shape})`, function () {
    this.timeout(180_000);
    let stack: E2eStack;

    before(async () => {
      stack = await startStack({ catalogFile: CATALOG_FILE, emulator: { lifetimeExpiry: shape } });
    });
    after(async () => stack?.stop());

    async function lifetimeTeamWith(count: number) {
      const owner = newUser('owner');
      storeAction(stack, 'purchase', { appUserId: owner, productId: PRODUCT });
      const team = await waitForLineTeam(stack, owner, LINE, (t) => t.status === 'TEAM_STATUS_ACTIVE');
      const members = Array.from({ length: count }, () => newUser('member'));
      for (const member of members) await addMember(stack, team.teamId, owner, member);
      for (const member of members) await settledRow(stack, team.teamId, member);
      return { owner, team, members };
    }

    it('when a member is added, then one lifetime grant is made, the ledger is in sync, and reconciling again calls nothing', async () => {
      const { team, members } = await lifetimeTeamWith(1);
      const member = members[0]!;
      const row = await settledRow(stack, team.teamId, member);
      expect(row.state, row.lastError).to.equal('GRANT_STATE_IN_SYNC');
      expect(row.confirmed).to.deep.include({ lifetime: true });
      const granted = await access(stack, member);
      expect(granted).to.include({ active: true, lifetime: true });
      expect(granted.source.kind).to.equal('SOURCE_KIND_TEAM_GRANT');
      expect(promotionalGrants(stack, member).map((g) => [g.endMs, g.revokedMs])).to.deep.equal([
        [null, null],
      ]);

      const calls = (await revenuecatCalls(stack, 'grant')) + (await revenuecatCalls(stack, 'revoke'));
      const again = await call<{ granted: number; revoked: number; failed: number }>(
        stack.ent as never,
        'ReconcileTeam',
        { teamId: team.teamId },
      );
      expect(again).to.include({ granted: 0, revoked: 0, failed: 0 });
      expect((await revenuecatCalls(stack, 'grant')) + (await revenuecatCalls(stack, 'revoke'))).to.equal(
        calls,
      );
      expect(promotionalGrants(stack, member)).to.have.length(1);
    });

    it('when the plan renews, then the lifetime grants stand as they are (no call)', async () => {
      const { owner, members } = await lifetimeTeamWith(2);
      const grants = await revenuecatCalls(stack, 'grant');
      await andFactsHandled(stack, async () =>
        storeAction(stack, 'renew', { appUserId: owner, productId: PRODUCT }),
      );
      expect(await revenuecatCalls(stack, 'grant')).to.equal(grants);
      for (const member of members) expect((await access(stack, member)).lifetime).to.equal(true);
    });

    it('when a member is removed, then the lifetime grant is revoked and the other members keep theirs', async () => {
      const { owner, team, members } = await lifetimeTeamWith(2);
      await removeMember(stack, team.teamId, owner, members[0]!);
      await waitForAccess(stack, members[0]!, (a) => !a.active);
      expect(promotionalGrants(stack, members[0]!)[0]!.revokedMs).to.be.a('number');
      expect(await access(stack, members[1]!)).to.include({ active: true, lifetime: true });
    });

    it('when the plan expires, then every member loses the lifetime grant', async () => {
      const { owner, members } = await lifetimeTeamWith(2);
      storeAction(stack, 'expire', { appUserId: owner, productId: PRODUCT });
      await waitForLineTeam(stack, owner, LINE, (t) => t.status === 'TEAM_STATUS_EXPIRED');
      for (const member of members) await waitForAccess(stack, member, (a) => !a.active);
      for (const member of members)
        expect(promotionalGrants(stack, member).every((g) => g.revokedMs !== null)).to.equal(true);
    });
  });
}

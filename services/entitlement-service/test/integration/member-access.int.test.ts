import { expect } from 'chai';
import { randomName } from '@teamseat/testing';
import { createCustomerRepository } from '../../src/adapters/database/customer-repository';
import { createMemberAccessQuery } from '../../src/application/member-access';
import { DAY_MS, LIFETIME } from '../../src/domain';
import type { GrantRecord } from '../../src/domain/grant-record';
import { freshDatabase } from '../support/infrastructure';
import { startTeamServiceDirectory } from '../support/team-service-directory';

/** A ledger row for `pro` as the reconciler would have written it. */
const row = (userId: string, teamId: string, patch: Partial<GrantRecord>): GrantRecord => ({
  userId,
  entitlement: 'pro',
  teamIds: [teamId],
  desired: undefined,
  confirmed: undefined,
  others: undefined,
  confirmedAtMs: undefined,
  state: 'grant-pending',
  attempts: 0,
  lastError: undefined,
  lastAttemptAtMs: undefined,
  nextAttemptAtMs: undefined,
  ...patch,
});

describe('GetMemberAccess use case (a real team-service, customer records in the database)', function () {
  this.timeout(60_000);
  let teams: Awaited<ReturnType<typeof startTeamServiceDirectory>>;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let customers: ReturnType<typeof createCustomerRepository>;
  let query: ReturnType<typeof createMemberAccessQuery>;
  let teamId: string;
  const periodEndsAt = Date.now() + 30 * DAY_MS;

  before(async () => {
    teams = await startTeamServiceDirectory();
    db = await freshDatabase('member_access');
    customers = createCustomerRepository(db.connection, { now: Date.now });
    await customers.ensureIndexes();
    query = createMemberAccessQuery({ teams: teams.directory, customers, now: Date.now });
    await teams.putTeam({ teamId: 'access', periodEndsAt });
    teamId = teams.idOf('access')!;
  });
  after(async () => {
    await teams.stop();
    await db.close();
  });

  /** Adds the member and answers team-service's terms for them (what a fact would carry). */
  async function added(prefix: string) {
    const userId = randomName(prefix);
    await teams.addMember('access', userId);
    const terms = (await teams.directory.memberGrant(teamId, userId))!;
    return { userId, terms };
  }

  it('when entitlement-service has not applied the member yet, then PENDING, also when its terms are older than the version the caller knows', async () => {
    const { userId, terms } = await added('pending');
    const before = await query.memberAccess(teamId, userId, terms.teamVersion);
    expect(before).to.include({ state: 'pending', appliedTeamVersion: 0 });
    expect(before.reason).to.match(/not applied/);

    await customers.update(
      userId,
      { teamTerms: [terms], grants: [row(userId, teamId, {})] },
      { isNew: true },
    );
    const older = await query.memberAccess(teamId, userId, terms.teamVersion + 1);
    expect(older.state).to.equal('pending');
    const applied = await query.memberAccess(teamId, userId, terms.teamVersion);
    expect(applied.state).to.equal('pending');
    expect(applied.entitlements[0]).to.include({ entitlement: 'pro', state: 'pending' });
  });

  it('when RevenueCat refused the grant, then FAILED with the ledger reason and the next attempt', async () => {
    const { userId, terms } = await added('refused');
    const next = Date.now() + 60_000;
    const failed = row(userId, teamId, {
      desired: periodEndsAt,
      state: 'failed',
      attempts: 3,
      lastError: 'REVENUECAT_REJECTED: entitlement pro unknown',
      nextAttemptAtMs: next,
    });
    await customers.update(userId, { teamTerms: [terms], grants: [failed] }, { isNew: true });
    const answer = await query.memberAccess(teamId, userId, terms.teamVersion);
    expect(answer).to.include({ state: 'failed', reason: 'REVENUECAT_REJECTED: entitlement pro unknown' });
    expect(answer.entitlements[0]).to.include({ attempts: 3, willRetry: true, nextAttemptAtMs: next });
  });

  it('when a lifetime grant someone else made covers the member, then ACTIVE from that promotional', async () => {
    const { userId, terms } = await added('covered');
    const covered = row(userId, teamId, {
      desired: periodEndsAt,
      confirmed: LIFETIME,
      others: LIFETIME,
      state: 'in-sync',
      confirmedAtMs: Date.now(),
    });
    await customers.update(userId, { teamTerms: [terms], grants: [covered] }, { isNew: true });
    const answer = await query.memberAccess(teamId, userId, 0);
    expect(answer.state).to.equal('active');
    expect(answer.entitlements[0]).to.include({ source: 'promotional-other', expires: LIFETIME });
  });

  it('when the member was removed, then NOT_A_MEMBER even while the stored terms still grant', async () => {
    const { userId, terms } = await added('removed');
    await customers.update(userId, { teamTerms: [terms] }, { isNew: true });
    await teams.removeMember('access', userId);
    const answer = await query.memberAccess(teamId, userId, 0);
    expect(answer.state).to.equal('not-a-member');
    expect(answer.teamVersion).to.be.above(terms.teamVersion);
  });

  it('when the team does not exist, then NOT_FOUND naming team_id', async () => {
    const error = await query.memberAccess('no-such-team', 'someone', 0).catch((e: unknown) => e);
    expect(error).to.include({ code: 'NOT_FOUND', reason: 'TEAM_NOT_FOUND' });
    expect((error as Error).message).to.match(/^team_id/);
  });
});

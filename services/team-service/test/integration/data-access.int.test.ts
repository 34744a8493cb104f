import { randomUUID } from 'node:crypto';
import { createLogger } from '@teamseat/logger';
import { getInfrastructure, randomDatabaseUri } from '@teamseat/testing';
import { expect } from 'chai';
import { createMongoConnections, type MongoConnections } from '../../src/adapters/database/mongo-connections';
import { createOutboxStore } from '../../src/adapters/database/outbox-store';
import { createTeamKeyRegistry } from '../../src/adapters/database/team-key-registry';
import { createTeamRepository } from '../../src/adapters/database/team-repository';
import { createTeamViews } from '../../src/adapters/database/team-views';
import { isRefusedBySchema } from '../../src/adapters/database/database-errors';
import { provisionTeam } from '../../src/domain/subscription-decisions';
import { NO_GRANT_CHANGE } from '../../src/domain/member-grants';
import { memberAdded } from '../../src/domain/team-events';
import type { Member, Team } from '../../src/domain/team';

// Every query and update operator the database adapters rely on, run against the real database
// (FerretDB locally): FerretDB 1.x implements a subset of MongoDB, so each is checked here.

const meta = { causationId: null, traceparent: null };

describe('team-service data access on the real database', () => {
  let mongo: MongoConnections;
  const clock = new Date('2030-01-01T00:00:00Z');
  const now = () => clock;

  before(async () => {
    const infra = await getInfrastructure();
    mongo = await createMongoConnections({
      uri: randomDatabaseUri(infra.mongoUri, 'team-da'),
      defaultDatabase: 'unused',
      poolSize: 20,
      logger: createLogger({ service: 'test', level: 'silent' }),
    });
  });
  after(async () => {
    await mongo.writes.teams.db.dropDatabase().catch(() => undefined);
    await mongo.close();
  });

  const repository = () =>
    createTeamRepository({ reads: mongo.reads, writes: mongo.writes, now, newId: randomUUID });
  const ctx = () => ({ now: clock, newId: randomUUID, newSecret: () => 'secret' });

  function newTeam(seats: number): Team {
    const state = {
      subscriberUserId: `owner-${randomUUID()}`,
      managementEntitlement: 'admin',
      subscriptionGroup: 'admin',
      productId: 'p',
      status: 'active' as const,
      periodEndsAt: null,
      seatLimit: seats,
      memberEntitlements: ['pro'],
      grantMode: 'period' as const,
      shrinkPolicy: 'block' as const,
      ownerTakesSeat: false,
      adminChoiceGraceHours: 72,
      sourceEventAt: new Date('2030-01-01T00:00:00Z'),
      rosterRetentionDays: 0,
    };
    return provisionTeam(state, randomUUID(), ctx()).next;
  }

  const member = (userId: string): Member => ({
    userId,
    role: 'member',
    addedAt: clock,
    addedBy: 'owner',
    holdsSeat: true,
    inviteId: null,
  });

  it('when a team is inserted twice, then the second insert reports the duplicate _id (code 11000) as false', async () => {
    const teams = repository();
    const team = newTeam(2);
    expect(await teams.insert(team, [], NO_GRANT_CHANGE, meta)).to.equal(true);
    expect(await teams.insert(team, [], NO_GRANT_CHANGE, meta)).to.equal(false);
    expect((await teams.load(team.teamId))?.ownerUserId).to.equal(team.ownerUserId);
  });

  it('when 100 writers append the same version over 20 connections, then exactly one lands and readers see it', async () => {
    const teams = repository();
    const team = newTeam(100);
    await teams.insert(team, [], NO_GRANT_CHANGE, meta);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        teams.append(
          team,
          { ...team, version: 2, members: [...team.members, member(`r${i}`)] },
          [memberAdded(team, member(`r${i}`))],
          NO_GRANT_CHANGE,
          meta,
        ),
      ),
    );
    expect(results.filter(Boolean)).to.have.length(1);
    const loaded = await teams.load(team.teamId);
    expect(loaded?.version).to.equal(2);
    expect(loaded?.members).to.have.length(2);
    expect(await teams.refresh(team)).to.deep.equal(loaded);
  });

  it('when the projection is missing or behind, then a read catches up from the log', async () => {
    const teams = repository();
    const team = newTeam(5);
    await teams.insert(team, [], NO_GRANT_CHANGE, meta);
    let current = team;
    for (const userId of ['a', 'b', 'c']) {
      const next = {
        ...current,
        version: current.version + 1,
        members: [...current.members, member(userId)],
      };
      expect(await teams.append(current, next, [], NO_GRANT_CHANGE, meta)).to.equal(true);
      current = next;
    }
    const projections = mongo.writes.db.collection<{ _id: string }>('teams');
    await projections.updateOne(
      { _id: team.teamId },
      { $set: { version: 2, members: [...team.members, member('a')] } },
    );
    expect(await teams.load(team.teamId)).to.deep.equal(current);
    await projections.deleteOne({ _id: team.teamId });
    expect(await teams.load(team.teamId)).to.deep.equal(current);
  });

  it('when a change is appended, then a stale version is refused and $max keeps the watermark from moving back', async () => {
    const teams = repository();
    const team = newTeam(3);
    await teams.insert(team, [], NO_GRANT_CHANGE, meta);
    const next = { ...team, seatLimit: 5, version: 2, subscriptionStateAt: new Date('2031-01-01T00:00:00Z') };
    expect(await teams.append(team, next, [memberAdded(team, member('x'))], NO_GRANT_CHANGE, meta)).to.equal(
      true,
    );
    expect(
      await teams.append(
        team,
        { ...next, seatLimit: 9 },
        [memberAdded(team, member('y'))],
        NO_GRANT_CHANGE,
        meta,
      ),
    ).to.equal(false);
    const older = { ...next, version: 3, subscriptionStateAt: new Date('2029-01-01T00:00:00Z') };
    expect(await teams.append(next, older, [memberAdded(team, member('z'))], NO_GRANT_CHANGE, meta)).to.equal(
      true,
    );
    const loaded = await teams.load(team.teamId);
    expect(loaded?.seatLimit).to.equal(5);
    expect(loaded?.subscriptionStateAt?.toISOString(), '$max never moves the watermark back').to.equal(
      '2031-01-01T00:00:00.000Z',
    );
    await teams.advanceWatermark(team.teamId, new Date('2032-01-01T00:00:00Z'));
    expect((await teams.load(team.teamId))?.subscriptionStateAt?.getUTCFullYear()).to.equal(2032);
  });

  it('when entries are published, then markers, published versions and entries by exact _id track them', async () => {
    const teams = repository();
    const outbox = createOutboxStore(mongo);
    const team = newTeam(5);
    await teams.insert(team, [memberAdded(team, member('a'))], NO_GRANT_CHANGE, meta);
    let current = team;
    for (const userId of ['b', 'c']) {
      const next = { ...current, version: current.version + 1 };
      expect(
        await teams.append(current, next, [memberAdded(team, member(userId))], NO_GRANT_CHANGE, meta),
      ).to.equal(true);
      current = next;
    }
    const marks = (await outbox.pending(10_000)).filter((mark) => mark.teamId === team.teamId);
    expect(marks.map((mark) => mark.version)).to.deep.equal([1, 2, 3]);
    expect(await outbox.publishedVersion(team.teamId)).to.equal(0);
    const entries = await outbox.entriesAfter(team.teamId, 0, 2);
    expect(entries.map((e) => [e.version, e.events[0]!.data.userId])).to.deep.equal([
      [1, 'a'],
      [2, 'b'],
    ]);
    await outbox.markPublished(team.teamId, 2);
    await outbox.markPublished(team.teamId, 1);
    expect(await outbox.publishedVersion(team.teamId), 'never moves back').to.equal(2);
    await outbox.clearPending(entries.map((e) => e._id));
    const left = (await outbox.pending(10_000)).filter((mark) => mark.teamId === team.teamId);
    expect(left.map((mark) => mark.version)).to.deep.equal([3]);
    expect((await outbox.entriesAfter(team.teamId, 2, 100)).map((e) => e.version)).to.deep.equal([3]);
  });

  it('when deadlines are due, then $lte on a date finds the team', async () => {
    const teams = repository();
    const outbox = createOutboxStore(mongo);
    const team = newTeam(5);
    const invite = {
      inviteId: 'i1',
      email: 'a@example.com',
      status: 'pending' as const,
      tokenHash: 'x',
      expiresAt: new Date(clock.getTime() + 3_600_000),
      createdBy: team.ownerUserId,
      createdAt: clock,
      acceptedBy: null,
      acceptedAt: null,
      endedAt: null,
    };
    await teams.insert({ ...team, invites: [invite] }, [], NO_GRANT_CHANGE, meta);
    expect(await outbox.teamsDueBefore(clock, 1_000)).to.not.include(team.teamId);
    expect(await outbox.teamsDueBefore(new Date(clock.getTime() + 7_200_000), 1_000)).to.include(team.teamId);
  });

  it('when keys are claimed, reassigned and released, then the unique _id decides and two-field filters guard', async () => {
    const keys = createTeamKeyRegistry(mongo);
    const e = { managementEntitlement: 'e', subscriptionGroup: 'e' };
    expect(await keys.claim('s', e, 'team-1')).to.equal('team-1');
    expect(await keys.claim('s', e, 'team-2')).to.equal('team-1');
    expect(await keys.reassign('s', e, 'team-9', 'team-2')).to.equal(false);
    expect(await keys.reassign('s', e, 'team-1', 'team-2')).to.equal(true);
    await keys.release('s', e, 'team-1');
    expect(await keys.find('s', e)).to.equal('team-2');
    // Another subscription group of the line is another key (ADR 0030).
    const other = { managementEntitlement: 'e', subscriptionGroup: 'g' };
    expect(await keys.find('s', other)).to.equal(null);
    expect(await keys.claim('s', other, 'team-3')).to.equal('team-3');
    await keys.release('s', e, 'team-2');
    expect(await keys.find('s', e)).to.equal(null);
    expect(await keys.find('s', other)).to.equal('team-3');
  });

  it('when the views are refreshed out of order, then the newest snapshot wins for the summary and the user entries', async () => {
    const views = createTeamViews(mongo);
    const v1 = newTeam(4);
    const v2: Team = { ...v1, version: 2, members: [...v1.members, member('joiner')] };
    const v3: Team = { ...v2, version: 3, members: v2.members.filter((m) => m.userId !== 'joiner') };
    await Promise.all([
      views.refresh(v3, ['joiner']),
      views.refresh(v2, ['joiner']),
      views.refresh(v1, [v1.ownerUserId]),
    ]);
    const summary = (await views.summaries([v1.teamId])).get(v1.teamId);
    expect(summary).to.include({ version: 3, memberCount: 1, seatsUsed: 0 });
    expect(await views.entriesOf('joiner')).to.deep.equal([]);
    expect((await views.entriesOf(v1.ownerUserId)).map((e) => e.teamId)).to.deep.equal([v1.teamId]);
    await views.refresh({ ...v3, version: 4, members: [...v3.members, member('joiner')] }, ['joiner']);
    expect((await views.entriesOf('joiner')).map((e) => e.teamId)).to.deep.equal([v1.teamId]);
    expect((await views.summaries(['no-such-team'])).size).to.equal(0);
  });

  async function expectRefused(write: Promise<unknown>, path: string): Promise<void> {
    const error = await write.then(
      () => expect.fail(`the write of ${path} was accepted`),
      (refused: unknown) => refused,
    );
    expect(isRefusedBySchema(error), String(error)).to.equal(true);
    expect(String(error)).to.include(path);
  }

  it('when a write would store what the schema refuses, then the model refuses it and nothing is stored', async () => {
    const teams = repository();
    const team = newTeam(3);
    await teams.insert(team, [], NO_GRANT_CHANGE, meta);
    const unknownStatus = { ...newTeam(3), status: 'paused' } as unknown as Team;
    await expectRefused(teams.insert(unknownStatus, [], NO_GRANT_CHANGE, meta), 'status');
    expect(await teams.load(unknownStatus.teamId)).to.equal(null);

    const next = (change: object) => ({ ...team, version: 2, ...change }) as Team;
    const write = (change: object) =>
      teams.append(team, next(change), [memberAdded(team, member('x'))], NO_GRANT_CHANGE, meta);
    await expectRefused(write({ seatLimit: -1 }), 'seatLimit');
    await expectRefused(write({ members: [...team.members, { ...member('x'), userId: '' }] }), 'userId');
    await expectRefused(write({ nickname: 'not a field' }), 'nickname');
    const stranger = { ...member('y'), role: 'guest' } as unknown as Member;
    await expectRefused(write({ members: [...team.members, stranger] }), 'role');
    expect(await teams.load(team.teamId)).to.deep.equal(team);
  });
});

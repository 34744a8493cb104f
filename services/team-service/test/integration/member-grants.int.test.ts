import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { expect } from 'chai';
import { createLogger } from '@teamseat/logger';
import { createMongoConnections } from '../../src/adapters/database/mongo-connections';
import { createTeamRepository } from '../../src/adapters/database/team-repository';
import { USER_TEAMS } from '../../src/adapters/database/models';
import { NO_GRANT_CHANGE } from '../../src/domain/member-grants';
import type { Member } from '../../src/domain/team';
import { eventsOf, latestGrants, publishedEvents, publishedFacts, typeName } from '../support/events';
import { provisionTeam, startHarness, subscriptionState, type Harness } from '../support/harness';

const DAY_MS = 86_400_000;
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

describe('team-service grant-terms facts (teamseat.member-grants.v1)', function () {
  this.timeout(300_000);

  describe('for a small team', () => {
    let harness: Harness;
    before(async () => (harness = await startHarness()));
    after(async () => harness?.stop());

    it('when members are added, renewed and removed, then each affected user gets a fact from the version that changed them', async () => {
      const firstEnd = new Date(Date.now() + 30 * DAY_MS);
      const subscriber = `owner-${randomUUID()}`;
      const { team, owner } = await provisionTeam(harness, { subscriber, seats: 5, periodEndsAt: firstEnd });
      for (const userId of ['a', 'b'])
        await harness.app('AddMember', { teamId: team.teamId, userId, actorUserId: owner });
      let grants = latestGrants(await publishedFacts(harness), team.teamId);
      expect(grants.get(owner)?.grant, 'the owner holds no seat').to.deep.equal({ kind: 'none' });
      expect(grants.get('a')).to.deep.include({
        productId: 'team_pro_monthly',
        entitlements: ['pro'],
        grant: { kind: 'until', until: firstEnd.toISOString() },
      });
      // Derived from the version the relay read: the one that added the user, or a later one.
      expect(grants.get('a')?.teamVersion).to.be.within(2, 3);
      expect(grants.get('b')?.teamVersion).to.equal(3);

      const renewedEnd = new Date(firstEnd.getTime() + 30 * DAY_MS);
      await harness.internal(
        'ApplySubscriptionState',
        subscriptionState({ subscriber, seats: 5, periodEndsAt: renewedEnd }),
      );
      await harness.app('RemoveMember', { teamId: team.teamId, userId: 'a', actorUserId: owner });
      grants = latestGrants(await publishedFacts(harness), team.teamId);
      expect(grants.get('b')?.grant).to.deep.equal({ kind: 'until', until: renewedEnd.toISOString() });
      expect(grants.get('b')?.teamVersion).to.be.within(4, 5);
      expect(grants.get('a')).to.deep.include({ teamVersion: 5, grant: { kind: 'none' } });
      expect(grants.get(owner)?.teamVersion, 'the renewal concerns the whole roster').to.be.within(4, 5);
    });

    it("when the team renews, then no member's listing entry is written again (only joins and leaves change one)", async () => {
      const firstEnd = new Date(Date.now() + 30 * DAY_MS);
      const subscriber = `owner-${randomUUID()}`;
      const { team, owner } = await provisionTeam(harness, { subscriber, seats: 5, periodEndsAt: firstEnd });
      for (const userId of ['c', 'd'])
        await harness.app('AddMember', { teamId: team.teamId, userId, actorUserId: owner });
      await harness.service.internals.relay.idle();
      // Take c's entry away: a write during the renewal would put it back.
      const userTeams = harness.mongo.db(harness.databaseName).collection<{ _id: string }>(USER_TEAMS);
      await userTeams.deleteOne({ _id: 'c' });

      const renewedEnd = new Date(firstEnd.getTime() + 30 * DAY_MS);
      await harness.internal(
        'ApplySubscriptionState',
        subscriptionState({ subscriber, seats: 5, periodEndsAt: renewedEnd }),
      );
      const grants = latestGrants(await publishedFacts(harness), team.teamId);
      expect(grants.get('c')?.grant, 'c is told of the renewal').to.deep.equal({
        kind: 'until',
        until: renewedEnd.toISOString(),
      });
      expect(await userTeams.findOne({ _id: 'c' }), "c's listing entry after the renewal").to.equal(null);
      expect(await userTeams.findOne({ _id: 'd' }), "d's is still there").to.not.equal(null);

      await harness.app('RemoveMember', { teamId: team.teamId, userId: 'd', actorUserId: owner });
      await harness.service.internals.relay.idle();
      const d = await userTeams.findOne<{ teams?: Record<string, unknown> }>({ _id: 'd' });
      expect(d?.teams?.[team.teamId], 'a leave still changes the listing').to.equal(undefined);
    });
  });

  describe('for a team of 25,000 members', () => {
    let harness: Harness;
    before(async () => (harness = await startHarness({ env: { OUTBOX_CONCURRENCY: '4' } })));
    after(async () => harness?.stop());

    it('when it expires, then the document stays far below 16 MB with no event per member, and every member gets a none fact', async () => {
      const subscriber = `owner-${randomUUID()}`;
      const { team } = await provisionTeam(harness, { subscriber, seats: 25_000 });
      const db = harness.mongo.db(harness.databaseName);
      // A writer beside the service's, as another tool would be.
      const mongo = await createMongoConnections({
        uri: harness.config.MONGODB_URI,
        defaultDatabase: harness.databaseName,
        poolSize: 2,
        logger: createLogger({ service: 'test', level: 'silent' }),
      });
      const teams = createTeamRepository({
        reads: mongo.reads,
        writes: mongo.writes,
        now: () => new Date(),
        newId: randomUUID,
      });
      const current = (await teams.load(team.teamId))!;
      const members: Member[] = Array.from({ length: 25_000 }, (_, i) => ({
        userId: `big-${i}`,
        role: 'member',
        addedAt: new Date(),
        addedBy: subscriber,
        holdsSeat: true,
        inviteId: null,
      }));
      const filled = { ...current, members: [...current.members, ...members], version: current.version + 1 };
      const meta = { causationId: null, traceparent: null };
      expect(await teams.append(current, filled, [], NO_GRANT_CHANGE, meta)).to.equal(true);
      await mongo.close();
      await harness.service.internals.relay.idle();

      // FerretDB on SQLite rewrites the whole 25,000-member document per write: slow, so a long deadline.
      const started = Date.now();
      await harness.internal(
        'ApplySubscriptionState',
        subscriptionState({ subscriber, seats: 0, status: 'TEAM_STATUS_EXPIRED' }),
        { deadlineMs: 240_000 },
      );
      console.log(`      (expiry of 25,000 members applied in ${Date.now() - started} ms)`);
      for (const collection of ['teams', 'team_log']) {
        const docs = await db.collection(collection).find({}).toArray();
        const largest = Math.max(...docs.map((doc) => mongoose.mongo.BSON.calculateObjectSize(doc)));
        expect(largest, `largest document of ${collection}`).to.be.lessThan(MAX_DOCUMENT_BYTES / 4);
      }

      const facts = await publishedFacts(harness);
      const grants = latestGrants(facts, team.teamId);
      const none = members.filter((m) => grants.get(m.userId)?.grant.kind === 'none');
      expect(none.length, 'members told they have nothing from this team').to.equal(25_000);
      const events = eventsOf(await publishedEvents(harness), team.teamId).map(typeName);
      expect(events).to.include('TeamExpired');
      expect(events).to.not.include('MemberRemoved');
    });
  });
});

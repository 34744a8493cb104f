import { randomUUID } from 'node:crypto';
import { createLogger } from '@teamseat/logger';
import mongoose from 'mongoose';
import { expect } from 'chai';
import { createMongoConnections } from '../../src/adapters/database/mongo-connections';
import { createTeamRepository } from '../../src/adapters/database/team-repository';
import { NO_GRANT_CHANGE } from '../../src/domain/member-grants';
import type { Member } from '../../src/domain/team';
import { eventsOf, publishedEvents, typeName } from '../support/events';
import { provisionTeam, startHarness, subscriptionState, type Harness } from '../support/harness';

const MEMBERS = 25_000;
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

// A shrink of a 25,000-member team under remove-last-joined writes one log entry with an event per removed
// member (ADR 0026: their shared fields are stored once). The roster is written in one entry first, as in
// member-grants.int.test.ts; the fault suite's large-team test builds it through AddMember and invites.
describe('team-service shrinking a team of 25,000 members under remove-last-joined', function () {
  this.timeout(300_000);
  let harness: Harness;
  before(async () => (harness = await startHarness({ env: { OUTBOX_CONCURRENCY: '4' } })));
  after(async () => harness?.stop());

  it('when all but one seat go, then the log entry stays far below 16 MB and every removal is published', async () => {
    const subscriber = `owner-${randomUUID()}`;
    const shrink = { subscriber, shrinkPolicy: 'SHRINK_POLICY_REMOVE_LAST_JOINED' } as const;
    const { team } = await provisionTeam(harness, { ...shrink, seats: MEMBERS });
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
    const members: Member[] = Array.from({ length: MEMBERS }, (_, i) => ({
      userId: `$RCAnonymousID:${String(i).padStart(32, '0')}`,
      role: 'member',
      addedAt: new Date(Date.now() + i),
      addedBy: subscriber,
      holdsSeat: true,
      inviteId: null,
    }));
    const filled = { ...current, members: [...current.members, ...members], version: current.version + 1 };
    const meta = { causationId: null, traceparent: null };
    expect(await teams.append(current, filled, [], NO_GRANT_CHANGE, meta)).to.equal(true);
    await mongo.close();
    await harness.service.internals.relay.idle();

    const started = Date.now();
    const { team: after } = await harness.internal(
      'ApplySubscriptionState',
      subscriptionState({ ...shrink, seats: 1 }),
      { deadlineMs: 240_000 },
    );
    console.log(`      (shrink of ${MEMBERS} to 1 seat applied in ${Date.now() - started} ms)`);
    expect(after).to.include({ memberCount: 2, seatsUsed: 1 });
    const entries = await harness.mongo.db(harness.databaseName).collection('team_log').find({}).toArray();
    const largest = Math.max(...entries.map((doc) => mongoose.mongo.BSON.calculateObjectSize(doc)));
    console.log(`      (largest team_log entry: ${largest} bytes)`);
    expect(largest, 'largest team_log entry').to.be.lessThan(MAX_DOCUMENT_BYTES / 2);

    const events = eventsOf(await publishedEvents(harness), team.teamId).map(typeName);
    expect(events.filter((type) => type === 'MemberRemoved').length).to.equal(MEMBERS - 1);
  });
});

import { spawn } from 'node:child_process';
import path from 'node:path';
import { decodeTeamEvent } from '@teamseat/contracts';
import { consumeMessages, getInfrastructure, waitFor } from '@teamseat/testing';
import { expect } from 'chai';
import { eventsOf, latestGrants, publishedEvents, publishedFacts, typeName } from '../support/events';
import { provisionTeam, startHarness, subscriptionState, type Harness } from '../support/harness';

const RELAY_PROCESS = path.join(__dirname, '../support/relay-process.ts');

/** Runs the stand-alone relay; resolves with how it ended. */
function runRelay(harness: Harness, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', RELAY_PROCESS], {
    env: {
      ...process.env,
      MONGODB_URI: harness.config.MONGODB_URI,
      KAFKA_BROKERS: harness.config.KAFKA_BROKERS.join(','),
      TOPIC: harness.topic,
      GRANTS_TOPIC: harness.grantsTopic,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
    (resolve) => child.once('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { child, ended };
}

/** Per team, the ids of the events whose log entries are not yet published (pending markers). */
async function pendingOutbox(harness: Harness) {
  const db = harness.mongo.db(harness.databaseName);
  const marks = await db
    .collection<{ _id: string; teamId: string }>('team_outbox_pending')
    .find({})
    .toArray();
  const entries = await db
    .collection<{ _id: string; teamId: string; events: Array<{ id: string }> }>('team_log')
    .find({ _id: { $in: marks.map((mark) => mark._id) } })
    .toArray();
  const teamIds = [...new Set(entries.map((entry) => entry.teamId))];
  return teamIds.map((teamId) => ({
    teamId,
    ids: entries
      .filter((entry) => entry.teamId === teamId)
      .sort((a, b) => (a._id < b._id ? -1 : 1))
      .flatMap((entry) => entry.events.map((e) => e.id)),
  }));
}

describe('team-service outbox relay', function () {
  this.timeout(120_000);

  describe('with the relay in another process', () => {
    let harness: Harness;
    before(async () => (harness = await startHarness({ env: { OUTBOX_RELAY_ENABLED: 'false' } })));
    after(async () => harness?.stop());

    it('when the relay is killed between publishing and marking sent, then after a restart every event is published at least once, in order per team', async () => {
      for (let t = 0; t < 4; t++) {
        const { team, owner } = await provisionTeam(harness, { seats: 10 });
        for (let i = 0; i < 5; i++) {
          await harness.app('AddMember', { teamId: team.teamId, userId: `m${i}`, actorUserId: owner });
        }
        await harness.app('RemoveMember', { teamId: team.teamId, userId: 'm0', actorUserId: owner });
      }
      const before = await pendingOutbox(harness);
      const expected = new Map(before.map(({ teamId, ids }) => [teamId, ids]));
      const total = before.reduce((sum, { ids }) => sum + ids.length, 0);
      expect(total).to.equal(4 * 7);

      const crashed = await runRelay(harness, { CRASH_AFTER_ROUNDS: '3' }).ended;
      expect(crashed.signal, crashed.output).to.equal('SIGKILL');
      const afterCrash = await pendingOutbox(harness);
      const unmarked = afterCrash.reduce((sum, { ids }) => sum + ids.length, 0);
      expect(unmarked, 'the crash left events published but not marked').to.be.greaterThan(0);

      const restarted = runRelay(harness, {});
      await waitFor(async () => (await pendingOutbox(harness)).every(({ ids }) => ids.length === 0), {
        timeoutMs: 30_000,
        description: 'the restarted relay to empty every outbox',
      });
      restarted.child.kill('SIGTERM');
      expect((await restarted.ended).code).to.equal(0);

      const { kafkaBrokers } = await getInfrastructure();
      const messages = await consumeMessages(kafkaBrokers, harness.topic, { quietMs: 1_500 });
      const events = messages.map((m) => decodeTeamEvent(m.value ?? ''));
      expect(events.length, 'some events went out twice').to.be.greaterThan(total);
      for (const [teamId, ids] of expected) {
        const firstSeen: string[] = [];
        for (const event of eventsOf(events, teamId))
          if (!firstSeen.includes(event.id)) firstSeen.push(event.id);
        expect(
          firstSeen,
          `team ${teamId}: each event at least once, first occurrences in commit order`,
        ).to.deep.equal(ids);
        const versions = eventsOf(events, teamId).map((e) => e.data.teamVersion);
        const republished = eventsOf(events, teamId).filter(
          (e, i, all) => all.findIndex((x) => x.id === e.id) !== i,
        );
        // A republished event carries the same id and the same version as the first time.
        for (const again of republished) {
          expect(again.data.teamVersion).to.equal(events.find((e) => e.id === again.id)!.data.teamVersion);
        }
        expect(Math.max(...versions)).to.equal(7);
      }
    });
  });

  describe('with two relays in two processes', () => {
    let harness: Harness;
    before(async () => (harness = await startHarness({ env: { OUTBOX_RELAY_ENABLED: 'false' } })));
    after(async () => harness?.stop());

    it('when both publish and then one is killed mid-publishing, then every entry goes out in version order, none twice until the takeover, none stranded', async function () {
      this.timeout(240_000);
      const teams = await Promise.all(
        Array.from({ length: 20 }, () => provisionTeam(harness, { seats: 10 })),
      );
      for (const { team, owner } of teams)
        for (let i = 0; i < 6; i++)
          await harness.app('AddMember', { teamId: team.teamId, userId: `m${i}`, actorUserId: owner });
      const expected = new Map((await pendingOutbox(harness)).map(({ teamId, ids }) => [teamId, ids]));
      expect([...expected.values()].flat()).to.have.length(20 * 7);

      // a starts first and holds every slot; b joins and a hands it half; a is killed mid-publishing.
      const a = runRelay(harness, { RELAY_NAME: 'a' });
      let aOutput = '';
      a.child.stdout!.on('data', (chunk: Buffer) => (aOutput += chunk.toString()));
      await waitFor(() => aOutput.includes('relay started'), { timeoutMs: 30_000, description: 'relay a' });
      const b = runRelay(harness, { RELAY_NAME: 'b' });
      await waitFor(() => aOutput.split('published ').length > 5, {
        timeoutMs: 30_000,
        description: 'relay a to publish five rounds',
      });
      a.child.kill('SIGKILL');
      const crashed = await a.ended;
      expect(crashed.signal, crashed.output).to.equal('SIGKILL');
      await waitFor(async () => (await pendingOutbox(harness)).every(({ ids }) => ids.length === 0), {
        timeoutMs: 60_000,
        description: 'the surviving relay to publish every entry',
      });
      b.child.kill('SIGTERM');
      const survivor = await b.ended;
      expect(survivor.code, survivor.output).to.equal(0);

      // What each relay says it published: while both lived, no event went out from both.
      const sentBy = (output: string) =>
        output
          .split('\n')
          .filter((line) => line.startsWith('published '))
          .flatMap((line) => line.split(' ')[2]!.split(','));
      const fromA = new Set(sentBy(crashed.output));
      const fromB = sentBy(survivor.output);
      const { kafkaBrokers } = await getInfrastructure();
      const events = (await consumeMessages(kafkaBrokers, harness.topic, { quietMs: 1_500 })).map((m) =>
        decodeTeamEvent(m.value ?? ''),
      );
      for (const [teamId, ids] of expected) {
        const firstSeen = [...new Set(eventsOf(events, teamId).map((e) => e.id))];
        expect(firstSeen, `team ${teamId}: every event, first copies in version order`).to.deep.equal(ids);
      }
      const twice = fromB.filter((id) => fromA.has(id));
      // Only the killed relay's last round (sent, not recorded) may go out again, after the takeover.
      expect(twice.length, 'republished after the takeover').to.be.at.most(3);
      console.log(
        `      (relay a sent ${fromA.size} before SIGKILL, b sent ${fromB.length}, ${twice.length} sent again after the takeover)`,
      );
    });
  });

  describe('in the service', () => {
    let harness: Harness;
    let inFlight = 0;
    let maxInFlight = 0;
    before(
      async () =>
        (harness = await startHarness({
          // A poll every 10 minutes: anything published fast was woken by the write.
          env: { OUTBOX_POLL_INTERVAL_MS: '600000' },
          relayHooks: {
            afterPublish: async () => {
              inFlight += 1;
              maxInFlight = Math.max(maxInFlight, inFlight);
              await new Promise((resolve) => setTimeout(resolve, 50));
              inFlight -= 1;
            },
          },
        })),
    );
    after(async () => harness?.stop());

    it('when a team changes, then the relay is woken and publishes within a moment, keyed by team id', async () => {
      const { team, owner } = await provisionTeam(harness, { seats: 3 });
      const started = Date.now();
      await harness.app('AddMember', { teamId: team.teamId, userId: 'quick', actorUserId: owner });
      const { kafkaBrokers } = await getInfrastructure();
      const messages = await consumeMessages(kafkaBrokers, harness.topic, { count: 2, timeoutMs: 15_000 });
      expect(Date.now() - started).to.be.lessThan(10_000);
      expect(messages.map((m) => m.key)).to.deep.equal([team.teamId, team.teamId]);
      expect(messages.map((m) => typeName(decodeTeamEvent(m.value!)))).to.deep.equal([
        'TeamProvisioned',
        'MemberAdded',
      ]);
      // The CloudEvents Kafka binding, structured mode: the content type says the value is a whole event,
      // and its partitionkey attribute is the record's key.
      expect(messages[1]!.headers['content-type']).to.equal('application/cloudevents+json; charset=UTF-8');
      expect(decodeTeamEvent(messages[1]!.value!).partitionkey).to.equal(team.teamId);
    });

    it('when many teams change at once, then the relay works on several in parallel and keeps each team in order', async () => {
      const teams = await Promise.all(Array.from({ length: 8 }, () => provisionTeam(harness, { seats: 5 })));
      await Promise.all(
        teams.map(async ({ team, owner }) => {
          for (let i = 0; i < 3; i++)
            await harness.app('AddMember', { teamId: team.teamId, userId: `p${i}`, actorUserId: owner });
        }),
      );
      const events = await publishedEvents(harness);
      expect(maxInFlight, 'teams relayed at the same time').to.be.greaterThan(1);
      for (const { team } of teams) {
        const versions = eventsOf(events, team.teamId).map((e) => e.data.teamVersion);
        expect(versions).to.deep.equal([1, 2, 3, 4]);
      }
    });
  });

  describe('a mass change (a team of 120 members expires)', () => {
    let harness: Harness;
    let watchedTeam: string | undefined;
    const slices: Array<{ userIds: string[]; listed: Map<string, boolean> }> = [];
    /** Whether each user's listing entry still names the watched team, read straight from the view. */
    async function listed(userIds: string[]): Promise<Map<string, boolean>> {
      const docs = await harness.mongo
        .db(harness.databaseName)
        .collection<{ _id: string; teams?: Record<string, unknown> }>('user_teams')
        .find({ _id: { $in: userIds } })
        .toArray();
      const byId = new Map(docs.map((doc) => [doc._id, doc]));
      return new Map(userIds.map((id) => [id, Boolean(byId.get(id)?.teams?.[watchedTeam!])]));
    }
    const members = Array.from({ length: 120 }, (_, i) => `mass-${i}`);
    before(
      async () =>
        (harness = await startHarness({
          relayHooks: {
            beforeSend: async (teamId, { userIds }) => {
              if (teamId !== watchedTeam || userIds.length === 0) return;
              slices.push({ userIds, listed: await listed([...userIds, members.at(-1)!]) });
            },
          },
        })),
    );
    after(async () => harness?.stop());

    it("when it is published, then each slice of facts follows its users' listings, and the first slice goes out before the last listing is written", async () => {
      const { team, owner } = await provisionTeam(harness, { subscriber: 'mass-owner', seats: 200 });
      for (const userId of members)
        await harness.app('AddMember', { teamId: team.teamId, userId, actorUserId: owner });
      await harness.service.internals.relay.idle();
      watchedTeam = team.teamId;

      const expired = await harness.internal('ApplySubscriptionState', {
        ...subscriptionState({ subscriber: 'mass-owner', seats: 0, status: 'TEAM_STATUS_EXPIRED' }),
      });
      expect(expired.removedUserIds).to.have.length(120);
      await harness.service.internals.relay.idle();

      expect(slices.length, 'slices sent').to.be.greaterThan(1);
      for (const slice of slices)
        for (const userId of slice.userIds.filter((id) => members.includes(id)))
          expect(slice.listed.get(userId), `${userId} still listed when its fact was sent`).to.equal(false);
      expect(slices[0]!.listed.get(members.at(-1)!), 'last member listed at the first slice').to.equal(true);
      const after = await listed(members);
      expect([...after.values()].filter(Boolean), 'members still listed at the end').to.deep.equal([]);
      const events = eventsOf(await publishedEvents(harness), team.teamId);
      expect(
        events.map(typeName).filter((type) => type === 'MemberRemoved'),
        'no event per member',
      ).to.deep.equal([]);
      expect(events.find((e) => typeName(e) === 'TeamExpired')?.data).to.include({ removedUserCount: 120 });
      const grants = latestGrants(await publishedFacts(harness), team.teamId);
      for (const userId of members) expect(grants.get(userId)?.grant, userId).to.deep.equal({ kind: 'none' });
    });
  });
});

import { expect } from 'chai';
import { TEAM_LOG } from '../../src/adapters/database/models';
import { eventsOf, publishedEvents, publishedFacts, typeName } from '../support/events';
import { provisionTeam, startHarness, type Harness } from '../support/harness';
import { startWriterStack } from '../support/writer-stack';

const SEATS = 40;
const CALLERS = 60;
/** Every sixth call comes from someone who may not add members. */
const strangerAt = (i: number) => i % 6 === 5;

// ADR 0028: the commands one process has queued on one team are decided together and written as one log
// entry, each caller answered with its own result. Before it, every join was an entry of its own.
describe('team-service batches the queued commands of one team (real FerretDB and Kafka)', function () {
  this.timeout(300_000);
  let harness: Harness;
  before(async () => (harness = await startHarness()));
  after(async () => harness?.stop());

  it('when 60 AddMember callers and refused strangers queue on a 40-seat team, then fewer entries than joins, each caller its own answer, seats never exceeded', async () => {
    const { team, owner } = await provisionTeam(harness, { seats: SEATS });
    const stack = await startWriterStack(harness.config.MONGODB_URI, 8);
    try {
      const outcomes = await Promise.all(
        Array.from({ length: CALLERS + 10 }, (_, i) =>
          stack.commands
            .addMember(
              { teamId: team.teamId, userId: `joiner-${i}`, actor: strangerAt(i) ? `stranger-${i}` : owner },
              { meta: { causationId: `call-${i}` } },
            )
            .then(
              ({ result }) => ({ i, answer: `added ${result.member.userId}` }),
              (error: { code?: string }) => ({ i, answer: error.code ?? String(error) }),
            ),
        ),
      );
      const added = outcomes.filter((o) => o.answer.startsWith('added'));
      expect(added.length, 'callers told they have a seat').to.equal(SEATS);
      for (const { i, answer } of added) expect(answer).to.equal(`added joiner-${i}`);
      const strangers = outcomes.filter((o) => strangerAt(o.i)).map((o) => o.answer);
      expect(new Set(strangers), 'strangers are refused, alone').to.deep.equal(
        new Set(['PERMISSION_DENIED']),
      );
      const full = outcomes.filter((o) => !strangerAt(o.i) && !o.answer.startsWith('added'));
      expect(new Set(full.map((o) => o.answer))).to.deep.equal(new Set(['RESOURCE_EXHAUSTED']));
      const firstSeatless = Math.min(...full.map((o) => o.i));
      expect(Math.max(...added.map((o) => o.i)), 'seats go in arrival order').to.be.lessThan(firstSeatless);

      const stored = (await stack.teams.load(team.teamId))!;
      expect(stored.members.filter((m) => m.holdsSeat).length, 'stored seat holders').to.equal(SEATS);
      const entries = await harness.mongo
        .db(harness.databaseName)
        .collection(TEAM_LOG)
        .countDocuments({ teamId: team.teamId, version: { $gt: 1 } });
      console.log(`      (${SEATS} joins in ${entries} log entries; the team at version ${stored.version})`);
      expect(entries, 'log entries for the joins').to.be.at.most(4);
      expect(stored.version).to.equal(1 + entries);

      // Each event keeps its own caller's causation; each joiner is told of the seat.
      const events = eventsOf(await publishedEvents(harness), team.teamId).filter(
        (e) => typeName(e) === 'MemberAdded',
      );
      expect(events.map((e) => [e.data.userId, e.causationid])).to.have.deep.members(
        added.map(({ i }) => [`joiner-${i}`, `call-${i}`]),
      );
      const facts = (await publishedFacts(harness)).filter(
        (f) => f.data.teamId === team.teamId && f.data.userId !== owner,
      );
      expect(new Set(facts.map((f) => f.data.userId))).to.deep.equal(
        new Set(added.map(({ i }) => `joiner-${i}`)),
      );
      // ... and each joiner's fact names that joiner's call, not the last caller of the batch.
      expect(facts.map((f) => [f.data.userId, f.causationid])).to.have.deep.members(
        added.map(({ i }) => [`joiner-${i}`, `call-${i}`]),
      );
    } finally {
      await stack.close();
    }
  });
});

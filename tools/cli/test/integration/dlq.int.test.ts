import { expect } from 'chai';
import { AppError } from '@teamseat/errors';
import { createBatchingProducer, createKafka, deadLetter, type BatchingProducer } from '@teamseat/kafka';
import { createLogger } from '@teamseat/logger';
import { consumeMessages, createTestTopic, getInfrastructure, randomName } from '@teamseat/testing';
import { runCli } from './support/run-cli';

interface Letter {
  id: string;
  key: string | null;
  reason: string;
  originalTopic: string;
  headers: Record<string, string>;
  value: string;
}

describe('teamseat dlq (a real .dlq topic, records written by the services’ own deadLetter)', function () {
  this.timeout(120_000);
  let brokers: string[];
  let topic: string;
  let producer: BatchingProducer;
  const env = () => ({ KAFKA_BROKERS: brokers.join(',') });
  const cli = (...args: string[]) => runCli(args, env());
  const [alice, bob] = [randomName('dlq-alice'), randomName('dlq-bob')];

  /** A message as a consumer received it from `topic`, dead-lettered as the services do it. */
  async function deadLettered(key: string, offset: string, reason: string, body: object) {
    const message = {
      topic,
      partition: 0,
      offset,
      key,
      value: Buffer.from(JSON.stringify(body)),
      headers: {
        'rc-event-id': `evt-${offset}`,
        'rc-event-type': 'TEST',
        traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`,
      },
      timestamp: String(Date.now()),
    };
    await deadLetter(
      producer,
      message,
      new AppError('INVALID_ARGUMENT', `${reason} at ${offset}`, { reason }),
      1,
    );
  }

  before(async () => {
    brokers = (await getInfrastructure()).kafkaBrokers;
    topic = randomName('cli-dlq-source');
    await createTestTopic(brokers, { name: topic, partitions: 1 });
    await createTestTopic(brokers, { name: `${topic}.dlq`, partitions: 2 });
    const logger = createLogger({ service: 'dlq-test', level: 'silent' });
    producer = createBatchingProducer({
      kafka: createKafka({ brokers, clientId: 'dlq-test', logger }),
      logger,
    });
    await producer.connect();
    await deadLettered(alice, '10', 'INVALID_WEBHOOK', { event: { app_user_id: alice } });
    await deadLettered(bob, '11', 'INVALID_USER_ID', { event: { app_user_id: bob } });
    await deadLettered(alice, '12', 'INVALID_WEBHOOK', { event: { app_user_id: alice, n: 2 } });
  });

  after(async () => {
    await producer?.disconnect();
  });

  it('when dlq list runs, then it lists every dead letter, and the filters narrow it', async () => {
    const all = (await cli('dlq', 'list', '--topic', topic, '--json')).json<Letter[]>();
    expect(all).to.have.length(3);
    expect(all.every((l) => l.originalTopic === topic)).to.equal(true);

    const byReason = (
      await cli('dlq', 'list', '--topic', topic, '--reason', 'invalid_webhook', '--json')
    ).json<Letter[]>();
    expect(byReason.map((l) => l.key)).to.deep.equal([alice, alice]);

    const byUser = (await cli('dlq', 'list', '--topic', `${topic}.dlq`, '--user', bob, '--json')).json<
      Letter[]
    >();
    expect(byUser.map((l) => l.reason)).to.deep.equal(['INVALID_USER_ID']);

    const recent = (await cli('dlq', 'list', '--topic', topic, '--since', '1h', '--json')).json<Letter[]>();
    expect(recent).to.have.length(3);
    const old = (
      await cli('dlq', 'list', '--topic', topic, '--until', '2020-01-01T00:00:00Z', '--json')
    ).json<Letter[]>();
    expect(old).to.have.length(0);

    const human = await cli('dlq', 'list', '--topic', topic);
    expect(human.stdout).to.match(/3 dead letters/);
  });

  it('when dlq show runs, then it prints one dead letter whole', async () => {
    const [first] = (await cli('dlq', 'list', '--topic', topic, '--user', bob, '--json')).json<Letter[]>();
    const shown = (await cli('dlq', 'show', first!.id, '--json')).json<Letter>();
    expect(shown).to.include({ id: first!.id, key: bob, reason: 'INVALID_USER_ID' });
    expect(shown.headers).to.include({
      'rc-event-id': 'evt-11',
      'error-message': 'INVALID_USER_ID at 11',
      attempts: '1',
    });
    expect(JSON.parse(shown.value)).to.deep.equal({ event: { app_user_id: bob } });
  });

  it('when dlq replay runs with --dry-run, then it tells what it would send and sends nothing', async () => {
    const run = await cli(
      'dlq',
      'replay',
      '--topic',
      topic,
      '--reason',
      'INVALID_WEBHOOK',
      '--dry-run',
      '--json',
    );
    expect(run.code, run.stderr).to.equal(0);
    const answer = run.json<{ dryRun: boolean; replayed: number; letters: Letter[] }>();
    expect(answer).to.include({ dryRun: true, replayed: 0 });
    expect(answer.letters).to.have.length(2);
    expect(await consumeMessages(brokers, topic, { quietMs: 1_500 })).to.have.length(0);
  });

  it('when dlq replay runs, then each record is back on its original topic with its key, value and headers, marked as replayed', async () => {
    const run = await cli(
      'dlq',
      'replay',
      '--topic',
      topic,
      '--reason',
      'INVALID_WEBHOOK',
      '--json',
      '--progress',
    );
    expect(run.code, run.stderr).to.equal(0);
    expect(run.json<{ replayed: number }>().replayed).to.equal(2);
    expect(run.stderr).to.match(/replaying \[=+\] 2\/2/);
    const replayed = await consumeMessages(brokers, topic, { count: 2 });
    expect(replayed.map((m) => m.key)).to.deep.equal([alice, alice]);
    expect(replayed.map((m) => JSON.parse(m.value!))).to.deep.equal([
      { event: { app_user_id: alice } },
      { event: { app_user_id: alice, n: 2 } },
    ]);
    const [first] = replayed;
    expect(first!.headers).to.include({
      'rc-event-id': 'evt-10',
      'rc-event-type': 'TEST',
      'replayed-reason': 'INVALID_WEBHOOK',
    });
    expect(first!.headers['traceparent']).to.match(/^00-a{32}-b{16}-01$/);
    expect(first!.headers['replayed-from']).to.match(new RegExp(`^${topic}\\.dlq:\\d:\\d+$`));
    expect(Date.parse(first!.headers['replayed-at']!)).to.be.closeTo(Date.now(), 60_000);
    // The dead-lettering's own headers stay behind: a second failure dead-letters it afresh.
    expect(first!.headers).to.not.have.any.keys(
      'error-code',
      'error-message',
      'failed-at',
      'original-offset',
    );
  });

  describe('when the input or the target is wrong, then one clear line and a non-zero exit', () => {
    it('an unreachable Kafka names the brokers and the setting', async () => {
      const run = await runCli(['dlq', 'list'], { KAFKA_BROKERS: '127.0.0.1:1' });
      expect(run.code).to.not.equal(0);
      expect(run.stderr.trim().split('\n')).to.have.length(1);
      expect(run.stderr).to.match(
        /^teamseat: cannot reach Kafka at 127\.0\.0\.1:1 .*set --kafka-brokers or KAFKA_BROKERS/,
      );
    });

    it('an unknown topic, a malformed id, a bad time, a replay without a selection', async () => {
      const cases: Array<[string[], RegExp]> = [
        [
          ['dlq', 'list', '--topic', 'no-such-topic'],
          /^teamseat: --topic: no dead-letter topic no-such-topic\.dlq/,
        ],
        [
          ['dlq', 'show', 'nonsense'],
          /^teamseat: dead letter id "nonsense": expected <topic>\.dlq:<partition>:<offset>/,
        ],
        [
          ['dlq', 'list', '--topic', topic, '--since', 'yesterday'],
          /^teamseat: --since: "yesterday" is neither/,
        ],
        [['dlq', 'replay'], /^teamseat: dlq replay: name the dead letters/],
      ];
      for (const [args, message] of cases) {
        const run = await cli(...args);
        expect(run.code, args.join(' ')).to.not.equal(0);
        expect(run.stderr.trim().split('\n'), args.join(' ')).to.have.length(1);
        expect(run.stderr, args.join(' ')).to.match(message);
      }
    });
  });
});

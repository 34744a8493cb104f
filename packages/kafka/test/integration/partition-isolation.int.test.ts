import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { AppError } from '@teamseat/errors';
import { createLogger } from '@teamseat/logger';
import { getInfrastructure, waitFor } from '@teamseat/testing';
import {
  createBatchingProducer,
  createKafka,
  createResilientConsumer,
  ensureTopics,
  type BatchingProducer,
  type ResilientConsumer,
} from '../../src';

const logger = createLogger({ service: 'kafka-test', level: 'silent' });
const SINGLE_BROKER = { replicationFactor: 1, minInsyncReplicas: 1 };
const unique = (prefix: string) => `${prefix}-${randomUUID()}`;
const dependencyDown = () => new AppError('UNAVAILABLE', 'dependency down', { retriable: true });

describe('resilient consumer: a message being retried holds back only its own partition', function () {
  this.timeout(120_000);
  let kafka: ReturnType<typeof createKafka>;
  let producer: BatchingProducer;
  let consumer: ResilientConsumer | undefined;

  before(async () => {
    const { kafkaBrokers } = await getInfrastructure();
    kafka = createKafka({ brokers: kafkaBrokers, clientId: unique('isolation-test'), logger });
    producer = createBatchingProducer({ kafka, logger });
    await producer.connect();
  });
  afterEach(async () => consumer?.stop());
  after(() => producer.disconnect());

  it('when one partition fails retriably far past 10 times, then the other partition keeps flowing and the group never rejoins or crashes', async () => {
    const topic = unique('isolation');
    await ensureTopics(kafka, [topic], { partitions: 2, replication: SINGLE_BROKER, logger });
    await producer.send(topic, { key: 'stuck', value: 'stuck', partition: 0 });
    const flowing: string[] = [];
    const toSend = 20;
    let stuckAttempts = 0;
    let sent = 0;
    const joins: unknown[] = [];
    const crashes: unknown[] = [];

    consumer = createResilientConsumer({
      kafka,
      groupId: unique('group'),
      topics: [topic],
      dlqProducer: producer,
      logger,
      backoff: { initialMs: 20, maxMs: 50 },
      partitionsConsumedConcurrently: 1,
      // A resumed partition joins the next fetch; a short fetch wait keeps the retries coming quickly.
      maxWaitTimeInMs: 100,
      handler: async (message) => {
        if (message.partition === 1) {
          flowing.push(message.value!.toString());
          return;
        }
        stuckAttempts += 1;
        // Partition 1 gets its messages only while partition 0 is failing, one per failure.
        if (sent < toSend) {
          sent += 1;
          await producer.send(topic, { key: 'other', value: `m${sent}`, partition: 1 });
        }
        if (stuckAttempts < 40 || flowing.length < toSend) throw dependencyDown();
      },
    });
    consumer.on('consumer.group_join', (event) => joins.push(event));
    consumer.on('consumer.crash', (event) => crashes.push(event));
    await consumer.start();

    await waitFor(() => stuckAttempts >= 40 && flowing.length === toSend, {
      timeoutMs: 100_000,
      description: 'partition 1 handled while partition 0 retries',
    });
    expect(flowing).to.deep.equal(Array.from({ length: toSend }, (_, i) => `m${i + 1}`));
    expect(crashes).to.have.length(0);
    expect(joins).to.have.length(1);
  });

  it('when a message succeeds after many retries, then the next one starts its back-off afresh and nothing past the failing one is committed', async () => {
    const topic = unique('backoff');
    const groupId = unique('group');
    await ensureTopics(kafka, [topic], { partitions: 1, replication: SINGLE_BROKER, logger });
    await producer.sendMany(
      topic,
      ['m0', 'm1', 'm2'].map((value) => ({ key: 'k', value })),
    );
    const retries: Array<{ value: string; attempt: number; delayMs: number }> = [];
    const handled: string[] = [];
    let releaseM2 = false;
    consumer = createResilientConsumer({
      kafka,
      groupId,
      topics: [topic],
      dlqProducer: producer,
      logger,
      backoff: { initialMs: 20, maxMs: 10_000 },
      maxWaitTimeInMs: 100,
      onRetry: (_error, message, retry) => retries.push({ value: message.value!.toString(), ...retry }),
      handler: async (message) => {
        const value = message.value!.toString();
        const failures = retries.filter((retry) => retry.value === value).length;
        if (value === 'm1' && failures < 6) throw dependencyDown();
        if (value === 'm2' && !releaseM2) throw dependencyDown();
        handled.push(value);
      },
    });
    await consumer.start();
    await waitFor(() => retries.filter((retry) => retry.value === 'm2').length >= 2, { timeoutMs: 30_000 });
    const committedWhileFailing = await committedOffset(groupId, topic);
    expect(consumer.heldMessages().map((held) => held.offset)).to.deep.equal(['2']);
    releaseM2 = true;
    await waitFor(() => handled.includes('m2'), { timeoutMs: 30_000 });
    await consumer.stop();
    consumer = undefined;

    expect(handled).to.deep.equal(['m0', 'm1', 'm2']);
    expect(committedWhileFailing).to.equal('2');
    expect(await committedOffset(groupId, topic)).to.equal('3');
    const m1 = retries.filter((retry) => retry.value === 'm1');
    const m2 = retries.filter((retry) => retry.value === 'm2');
    expect(m1.map((retry) => retry.attempt)).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(m1[5]!.delayMs).to.be.at.least(20 * 2 ** 5 * 0.5);
    expect(m2[0]).to.include({ attempt: 1 });
    expect(m2[0]!.delayMs).to.be.at.most(20);
  });

  async function committedOffset(groupId: string, topic: string): Promise<string | undefined> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return offsets?.partitions[0]?.offset;
    } finally {
      await admin.disconnect();
    }
  }
});

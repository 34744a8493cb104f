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
  type MessageHandler,
  type ResilientConsumer,
} from '../../src';

const logger = createLogger({ service: 'kafka-test', level: 'silent' });
const SINGLE_BROKER = { replicationFactor: 1, minInsyncReplicas: 1 };
const unique = (prefix: string) => `${prefix}-${randomUUID()}`;
const dependencyDown = () => new AppError('UNAVAILABLE', 'dependency down', { retriable: true });
const KEYS_IN_FLIGHT = 4;
const USERS = 30;

/** One message before the stuck user's first, then each user's two, interleaved, then the stuck user's second. */
function partitionOfUsers() {
  const users = Array.from({ length: USERS }, (_, i) => `user-${i}`);
  return [
    { key: 'first', value: 'first' },
    { key: 'stuck', value: 'stuck:1' },
    ...users.map((key) => ({ key, value: `${key}:1` })),
    ...users.map((key) => ({ key, value: `${key}:2` })),
    { key: 'stuck', value: 'stuck:2' },
  ];
}

describe('resilient consumer: the users of one partition go through at once, each user in order (ADR 0027)', function () {
  this.timeout(120_000);
  let kafka: ReturnType<typeof createKafka>;
  let producer: BatchingProducer;
  let consumer: ResilientConsumer | undefined;

  before(async () => {
    const { kafkaBrokers } = await getInfrastructure();
    kafka = createKafka({ brokers: kafkaBrokers, clientId: unique('lanes-test'), logger });
    producer = createBatchingProducer({ kafka, logger });
    await producer.connect();
  });
  afterEach(async () => consumer?.stop());
  after(() => producer.disconnect());

  const consume = async (
    groupId: string,
    topic: string,
    handler: MessageHandler,
    holdsPartition?: (error: AppError) => boolean,
  ) => {
    consumer = createResilientConsumer({
      holdsPartition,
      kafka,
      groupId,
      topics: [topic],
      dlqProducer: producer,
      logger,
      backoff: { initialMs: 50, maxMs: 200 },
      partitionsConsumedConcurrently: 1,
      keysInFlight: KEYS_IN_FLIGHT,
      maxWaitTimeInMs: 100,
      handler,
    });
    await consumer.start();
    return consumer;
  };

  it('when one user of a partition keeps failing, then every other user of it is handled in order, the commit point stays at the failing message, and a restart redoes it', async () => {
    const topic = unique('lanes');
    const groupId = unique('group');
    await ensureTopics(kafka, [topic], { partitions: 1, replication: SINGLE_BROKER, logger });
    await producer.sendMany(topic, partitionOfUsers());
    const handled: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    let stuckAttempts = 0;

    await consume(groupId, topic, async (message) => {
      if (message.key === 'stuck') {
        stuckAttempts += 1;
        throw dependencyDown();
      }
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      // A RevenueCat call's worth of waiting, so that the users' calls overlap.
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight -= 1;
      handled.push(message.value!.toString());
    });
    await waitFor(() => handled.length === USERS * 2 + 1 && stuckAttempts >= 3, {
      timeoutMs: 60_000,
      description: 'the other users handled while stuck:1 retries',
    });

    expect(mostInFlight, 'users in flight at once').to.equal(KEYS_IN_FLIGHT);
    for (let i = 0; i < USERS; i += 1) {
      expect(handled.indexOf(`user-${i}:1`), `user-${i} in order`).to.be.lessThan(
        handled.indexOf(`user-${i}:2`),
      );
    }
    // Messages arriving while the stuck one is still retrying go through too, in later fetches.
    await producer.sendMany(topic, [
      { key: 'late', value: 'late:1' },
      { key: 'late', value: 'late:2' },
    ]);
    await waitFor(() => handled.includes('late:2'), { timeoutMs: 30_000 });
    expect(handled.slice(-2)).to.deep.equal(['late:1', 'late:2']);
    expect(consumer!.heldMessages().map((held) => held.offset)).to.deep.equal(['1']);
    await consumer!.stop();
    consumer = undefined;
    expect(await committedOffset(groupId, topic), 'commit point').to.equal('1');

    // The failure is over: a new consumer of the group starts at the held message and redoes everything after.
    const redone: string[] = [];
    await consume(groupId, topic, async (message) => {
      redone.push(message.value!.toString());
    });
    await waitFor(() => redone.length === USERS * 2 + 4, { timeoutMs: 60_000 });
    expect(redone).not.to.include('first');
    expect(redone.indexOf('stuck:1')).to.be.lessThan(redone.indexOf('stuck:2'));
    await consumer!.stop();
    consumer = undefined;
    expect(await committedOffset(groupId, topic)).to.equal(String(USERS * 2 + 5));
  });

  it('when one user of a partition is slow, then the others of the partition finish meanwhile and nothing past the slow one is committed', async () => {
    const topic = unique('slow');
    const groupId = unique('group');
    await ensureTopics(kafka, [topic], { partitions: 1, replication: SINGLE_BROKER, logger });
    await producer.sendMany(topic, partitionOfUsers());
    const handled: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));

    await consume(groupId, topic, async (message) => {
      if (message.value!.toString() === 'stuck:1') await released;
      handled.push(message.value!.toString());
    });
    await waitFor(() => handled.length === USERS * 2 + 1, { timeoutMs: 60_000 });
    expect(handled).not.to.include('stuck:1');
    expect(await committedOffset(groupId, topic)).to.be.oneOf([undefined, '1']);
    release();
    await waitFor(() => handled.length === USERS * 2 + 3, { timeoutMs: 30_000 });
    expect(handled.slice(-2)).to.deep.equal(['stuck:1', 'stuck:2']);
    await waitFor(async () => (await committedOffset(groupId, topic)) === String(USERS * 2 + 3), {
      timeoutMs: 30_000,
    });
  });

  it('when a failure refuses every user alike, then the partition waits instead of trying each of its users', async () => {
    const topic = unique('refused');
    await ensureTopics(kafka, [topic], { partitions: 1, replication: SINGLE_BROKER, logger });
    await producer.sendMany(topic, partitionOfUsers());
    const tried = new Set<string>();
    const handled: string[] = [];
    let attempts = 0;
    let open = true;
    const breakerOpen = () =>
      new AppError('UNAVAILABLE', 'breaker open', {
        retriable: true,
        details: { breaker: 'open', retryAfterMs: 100 },
      });

    await consume(
      unique('group'),
      topic,
      async (message) => {
        attempts += 1;
        tried.add(message.value!.toString());
        if (open) throw breakerOpen();
        handled.push(message.value!.toString());
      },
      (error) => error.details.breaker === 'open',
    );
    await waitFor(() => attempts >= KEYS_IN_FLIGHT * 4, { timeoutMs: 30_000 });
    expect(tried.size, 'messages tried while refused').to.be.at.most(KEYS_IN_FLIGHT);
    open = false;
    await waitFor(() => handled.length === USERS * 2 + 3, { timeoutMs: 30_000 });
  });

  async function committedOffset(groupId: string, topic: string): Promise<string | undefined> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const offset = offsets?.partitions[0]?.offset;
      return offset === '-1' ? undefined : offset;
    } finally {
      await admin.disconnect();
    }
  }
});

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { createLogger } from '@teamseat/logger';
import { consumeMessages, getInfrastructure } from '@teamseat/testing';
import { Partitioners } from 'kafkajs';
import { createBatchingProducer, createKafka, ensureTopics, type BatchingProducer } from '../../src';

const logger = createLogger({ service: 'kafka-test', level: 'silent' });
/** The local stack and the throwaway brokers have one broker each. */
const SINGLE_BROKER = { replicationFactor: 1, minInsyncReplicas: 1 };
const unique = (prefix: string) => `${prefix}-${randomUUID()}`;

describe('batching producer against a real broker', () => {
  let kafka: ReturnType<typeof createKafka>;
  let producer: BatchingProducer;
  const batchSizes: number[] = [];

  before(async () => {
    const { kafkaBrokers } = await getInfrastructure();
    kafka = createKafka({ brokers: kafkaBrokers, clientId: unique('batching-test'), logger });
    producer = createBatchingProducer({
      kafka,
      logger,
      lingerMs: 1,
      onBatch: (size) => batchSizes.push(size),
    });
    await producer.connect();
  });

  after(() => producer.disconnect());

  it('when messages arrive while a produce request is in flight, then they wait and leave together in the next one', async () => {
    const existing = unique('existing');
    await ensureTopics(kafka, [existing], { partitions: 1, replication: SINGLE_BROKER, logger });
    batchSizes.length = 0;
    // A topic that does not exist yet keeps the first request in flight: the broker creates it on demand and
    // the producer asks again. Meanwhile five messages arrive, each after the linger has passed.
    let firstDone = false;
    const first = producer.send(unique('created-on-demand'), { key: 'k', value: 'first' }).then(() => {
      firstDone = true;
    });
    await sleep(5);
    const rest: Array<Promise<void>> = [];
    for (let i = 0; i < 5; i += 1) {
      rest.push(producer.send(existing, { key: 'k', value: `m${i}` }));
      await sleep(4);
    }
    expect(firstDone, 'the first request should still be in flight').to.equal(false);
    await Promise.all([first, ...rest]);
    expect(batchSizes).to.deep.equal([1, 5]);
  });

  it('when keyed messages are sent, then each lands on the partition a Java client or kafkajs would choose', async () => {
    const topic = unique('partitioned');
    await ensureTopics(kafka, [topic], { partitions: 6, replication: SINGLE_BROKER, logger });
    const keys = Array.from({ length: 40 }, (_, i) => `user-${i}-${randomUUID()}`);
    await producer.sendMany(
      topic,
      keys.map((key) => ({ key, value: key, headers: { 'ce-id': key } })),
    );
    const { kafkaBrokers } = await getInfrastructure();
    const consumed = await consumeMessages(kafkaBrokers, topic, { count: keys.length });
    const kafkajsChoice = Partitioners.DefaultPartitioner();
    const partitionMetadata = Array.from({ length: 6 }, (_, partitionId) => ({
      partitionId,
      leader: 1,
      partitionErrorCode: 0,
      replicas: [1],
      isr: [1],
      offlineReplicas: [],
    }));
    for (const message of consumed) {
      expect(message.value).to.equal(message.key);
      expect(message.headers['ce-id']).to.equal(message.key);
      expect(message.partition, message.key!).to.equal(
        kafkajsChoice({ topic, partitionMetadata, message: { key: message.key!, value: null } }),
      );
    }
    expect(new Set(consumed.map((m) => m.partition)).size, 'partitions used').to.be.greaterThan(3);
  });

  it('when messages are sent while others are in flight, then every one is acknowledged and each key keeps its order', async () => {
    const { kafkaBrokers } = await getInfrastructure();
    const topic = unique('order');
    await ensureTopics(kafka, [topic], { partitions: 3, replication: SINGLE_BROKER, logger });
    // 10 keys, 30 messages each, sent in rounds without waiting: every round goes out while others fly.
    const keys = Array.from({ length: 10 }, (_, i) => `key-${i}`);
    const sends: Array<Promise<void>> = [];
    for (let round = 0; round < 30; round += 1) {
      for (const key of keys) sends.push(producer.send(topic, { key, value: `${key}:${round}` }));
      await sleep(1);
    }
    await Promise.all(sends);

    const consumed = await consumeMessages(kafkaBrokers, topic, { count: sends.length });
    for (const key of keys) {
      const rounds = consumed.filter((m) => m.key === key).map((m) => Number(m.value!.split(':')[1]));
      expect(rounds, key).to.deep.equal(Array.from({ length: 30 }, (_, i) => i));
    }
  });

  it('when messages have no key, then they all go to partition 0 in the order sent', async () => {
    const topic = unique('keyless');
    await ensureTopics(kafka, [topic], { partitions: 3, replication: SINGLE_BROKER, logger });
    const values = Array.from({ length: 12 }, (_, i) => `m${i}`);
    await producer.sendMany(
      topic,
      values.map((value) => ({ key: null, value })),
    );
    const { kafkaBrokers } = await getInfrastructure();
    const consumed = await consumeMessages(kafkaBrokers, topic, { count: values.length });
    expect(consumed.map((m) => [m.partition, m.value])).to.deep.equal(values.map((value) => [0, value]));
  });

  it('when messages for several topics arrive together, then one request carries them and each lands on its topic', async () => {
    const [first, second] = [unique('first'), unique('second')];
    await ensureTopics(kafka, [first, second], { partitions: 1, replication: SINGLE_BROKER, logger });
    batchSizes.length = 0;
    await Promise.all([
      producer.sendMany(first, [
        { key: 'a', value: 'a1' },
        { key: 'a', value: 'a2' },
      ]),
      producer.send(second, { key: 'b', value: 'b1' }),
    ]);
    expect(batchSizes).to.deep.equal([3]);
    const { kafkaBrokers } = await getInfrastructure();
    const [onFirst, onSecond] = await Promise.all([
      consumeMessages(kafkaBrokers, first, { count: 2 }),
      consumeMessages(kafkaBrokers, second, { count: 1 }),
    ]);
    expect(onFirst.map((m) => m.value)).to.deep.equal(['a1', 'a2']);
    expect(onSecond.map((m) => m.value)).to.deep.equal(['b1']);
  });
});

import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import type { Admin } from 'kafkajs';
import { AppError } from '@teamseat/errors';
import { createLogger } from '@teamseat/logger';
import { getInfrastructure, waitFor } from '@teamseat/testing';
import {
  createBatchingProducer,
  createKafka,
  createResilientConsumer,
  ensureTopics,
  type BatchingProducer,
  type ReceivedMessage,
} from '../../src';

const logger = createLogger({ service: 'kafka-test', level: 'silent' });
/** The local stack and the throwaway brokers have one broker each. */
const SINGLE_BROKER = { replicationFactor: 1, minInsyncReplicas: 1 };
const unique = (prefix: string) => `${prefix}-${randomUUID()}`;

async function withAdmin<T>(
  kafka: ReturnType<typeof createKafka>,
  use: (admin: Admin) => Promise<T>,
): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

describe('kafka package against a real broker', () => {
  let kafka: ReturnType<typeof createKafka>;
  let producer: BatchingProducer;
  const batchSizes: number[] = [];

  before(async () => {
    const { kafkaBrokers } = await getInfrastructure();
    kafka = createKafka({ brokers: kafkaBrokers, clientId: unique('kafka-test'), logger });
    producer = createBatchingProducer({
      kafka,
      logger,
      lingerMs: 5,
      onBatch: (size) => batchSizes.push(size),
    });
    await producer.connect();
  });

  after(() => producer.disconnect());

  it('when many messages are sent at once, then all are acknowledged in fewer produce requests', async () => {
    const topic = unique('batch');
    await ensureTopics(kafka, [topic], { partitions: 1, replication: SINGLE_BROKER, logger });
    batchSizes.length = 0;
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => producer.send(topic, { key: 'k', value: `m${i}` })),
    );
    expect(batchSizes.reduce((a, b) => a + b, 0)).to.equal(50);
    expect(batchSizes.length).to.be.lessThan(50);
    const offsets = await withAdmin(kafka, (admin) => admin.fetchTopicOffsets(topic));
    expect(offsets[0]!.high).to.equal('50');
  });

  it('when a handler fails transiently, then the same message comes back after a pause, in order, and is committed once done', async () => {
    const topic = unique('retry');
    const groupId = unique('group');
    await ensureTopics(kafka, [topic], { partitions: 1, replication: SINGLE_BROKER, logger });
    await producer.sendMany(topic, [
      { key: 'u1', value: 'first' },
      { key: 'u1', value: 'second' },
    ]);
    const seen: string[] = [];
    let failures = 0;
    const consumer = createResilientConsumer({
      kafka,
      groupId,
      topics: [topic],
      dlqProducer: producer,
      logger,
      backoff: { initialMs: 50, maxMs: 200 },
      handler: async (message: ReceivedMessage) => {
        const value = message.value!.toString();
        seen.push(value);
        if (value === 'first' && failures < 2) {
          failures += 1;
          throw new AppError('UNAVAILABLE', 'dependency down', { retriable: true });
        }
      },
    });
    await consumer.start();
    await waitFor(() => seen.includes('second'), { timeoutMs: 30_000 });
    await consumer.stop();
    expect(seen).to.deep.equal(['first', 'first', 'first', 'second']);

    const [committed] = await withAdmin(kafka, (admin) => admin.fetchOffsets({ groupId, topics: [topic] }));
    expect(committed!.partitions[0]!.offset).to.equal('2');
  });

  it('when a handler fails permanently, then the message goes to the DLQ with the reason and the next one is handled', async () => {
    const topic = unique('poison');
    await ensureTopics(kafka, [topic, `${topic}.dlq`], { partitions: 1, replication: SINGLE_BROKER, logger });
    await producer.sendMany(topic, [
      { key: 'u1', value: 'poison', headers: { 'rc-event-id': 'e1' } },
      { key: 'u1', value: 'good' },
    ]);
    const handled: string[] = [];
    const consumer = createResilientConsumer({
      kafka,
      groupId: unique('group'),
      topics: [topic],
      dlqProducer: producer,
      logger,
      handler: async (message) => {
        if (message.value!.toString() === 'poison') {
          throw new AppError('INVALID_ARGUMENT', 'event.id: must be a non-empty string', {
            reason: 'BAD_EVENT',
          });
        }
        handled.push(message.value!.toString());
      },
    });
    await consumer.start();
    await waitFor(() => handled.length === 1, { timeoutMs: 30_000 });
    await consumer.stop();

    const dead: ReceivedMessage[] = [];
    const dlqReader = createResilientConsumer({
      kafka,
      groupId: unique('dlq-reader'),
      topics: [`${topic}.dlq`],
      dlqProducer: producer,
      logger,
      handler: async (message) => void dead.push(message),
    });
    await dlqReader.start();
    await waitFor(() => dead.length === 1, { timeoutMs: 30_000 });
    await dlqReader.stop();
    expect(dead[0]!.value!.toString()).to.equal('poison');
    expect(dead[0]!.headers).to.include({
      'rc-event-id': 'e1',
      'error-code': 'BAD_EVENT',
      'error-message': 'event.id: must be a non-empty string',
      attempts: '1',
    });
    expect(dead[0]!.headers['failed-at']).to.match(/^\d{4}-\d\d-\d\dT/);
  });
});

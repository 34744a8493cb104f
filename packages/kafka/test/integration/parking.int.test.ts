import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { AppError } from '@teamseat/errors';
import { createLogger } from '@teamseat/logger';
import { consumeMessages, getInfrastructure, waitFor } from '@teamseat/testing';
import {
  createBatchingProducer,
  createKafka,
  createParker,
  createParkingConsumer,
  createResilientConsumer,
  ensureTopics,
  parkedTopic,
  parkingRounds,
  type BatchingProducer,
  type MessageHandler,
  type ParkingDelays,
  type ResilientConsumer,
} from '../../src';

const logger = createLogger({ service: 'kafka-test', level: process.env.TEST_LOG ?? 'silent' });
const SINGLE_BROKER = { replicationFactor: 1, minInsyncReplicas: 1 };
const unique = (prefix: string) => `${prefix}-${randomUUID()}`;
const dependencyDown = () => new AppError('UNAVAILABLE', 'dependency down', { retriable: true });
const PARK_AFTER_MS = 2_000;
const DELAYS: ParkingDelays = { initialMs: 500, maxMs: 2_000 };

describe('resilient consumer: a message failing for longer than the bound is parked', function () {
  this.timeout(120_000);
  let kafka: ReturnType<typeof createKafka>;
  let brokers: string[];
  let producer: BatchingProducer;
  let running: ResilientConsumer[] = [];

  before(async () => {
    brokers = (await getInfrastructure()).kafkaBrokers;
    kafka = createKafka({ brokers, clientId: unique('parking-test'), logger });
    producer = createBatchingProducer({ kafka, logger });
    await producer.connect();
  });
  afterEach(async () => {
    await Promise.all(running.map((consumer) => consumer.stop()));
    running = [];
  });
  after(() => producer.disconnect());

  /** A topic with its parking and dead-letter topics, and both consumers of one group on one handler. */
  async function start(handler: MessageHandler) {
    const topic = unique('parking');
    await ensureTopics(kafka, [topic, `${topic}.dlq`], { partitions: 1, replication: SINGLE_BROKER, logger });
    await ensureTopics(kafka, [parkedTopic(topic)], {
      partitions: parkingRounds(DELAYS).length,
      replication: SINGLE_BROKER,
      logger,
    });
    const groupId = unique('group');
    const parker = createParker({ kafka, producer, delays: DELAYS, now: Date.now });
    const common = { kafka, handler, dlqProducer: producer, logger, maxWaitTimeInMs: 100 };
    const main = createResilientConsumer({
      ...common,
      groupId,
      topics: [topic],
      backoff: { initialMs: 50, maxMs: 200 },
      parking: { parker, afterMs: PARK_AFTER_MS },
    });
    const parked = createParkingConsumer({
      ...common,
      sourceGroupId: groupId,
      sourceTopics: [topic],
      parker,
    });
    running.push(main, parked);
    await Promise.all([main.start(), parked.start()]);
    return { topic, main };
  }

  it('when one message keeps failing past the bound, then it is parked with its headers, the ones behind it are handled, and once it can succeed it is handled from the parking topic exactly once', async () => {
    const attempts: Array<{ topic: string; at: number }> = [];
    const handled: Array<{ value: string; topic: string; at: number }> = [];
    let poisonFails = true;
    const { topic } = await start(async (message) => {
      const value = message.value!.toString();
      if (value === 'poison') {
        attempts.push({ topic: message.topic, at: Date.now() });
        if (poisonFails) throw dependencyDown();
      }
      handled.push({ value, topic: message.topic, at: Date.now() });
    });
    await producer.sendMany(topic, [
      { key: 'u1', value: 'poison', headers: { 'rc-event-id': 'e1', traceparent: 'tp-1' } },
      ...['a', 'b', 'c'].map((value) => ({ key: 'u1', value })),
    ]);

    await waitFor(() => handled.length === 3, { timeoutMs: 30_000, description: 'a, b and c handled' });
    const waitedMs = handled[0]!.at - attempts[0]!.at;
    console.log(`      messages behind the poison one waited ${waitedMs} ms (bound ${PARK_AFTER_MS} ms)`);
    expect(handled.map(({ value }) => value)).to.deep.equal(['a', 'b', 'c']);
    expect(waitedMs).to.be.at.least(PARK_AFTER_MS);

    const [parked] = await consumeMessages(brokers, parkedTopic(topic), { count: 1 });
    expect(parked!.key).to.equal('u1');
    expect(parked!.value).to.equal('poison');
    expect(parked!.headers).to.include({
      'rc-event-id': 'e1',
      traceparent: 'tp-1',
      'parked-reason': 'UNAVAILABLE',
      'parked-error': 'dependency down',
      'parked-round': '1',
      'original-topic': topic,
      'original-partition': '0',
      'original-offset': '0',
    });
    expect(Number(parked!.headers.attempts)).to.be.greaterThan(1);
    expect(Date.parse(parked!.headers['parked-due-at']!)).to.be.greaterThan(
      Date.parse(parked!.headers['parked-at']!),
    );

    // Still failing: taken back when due and parked again, a round later, never polled in between.
    await waitFor(() => attempts.filter((a) => a.topic !== topic).length >= 2, { timeoutMs: 30_000 });
    const fromParking = attempts.filter((a) => a.topic !== topic);
    expect(fromParking[1]!.at - fromParking[0]!.at).to.be.at.least(DELAYS.initialMs * 2 - 50);

    poisonFails = false;
    await waitFor(() => handled.some(({ value }) => value === 'poison'), { timeoutMs: 30_000 });
    const quiet = await consumeMessages(brokers, `${topic}.dlq`, { quietMs: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, DELAYS.maxMs));
    expect(handled.filter(({ value }) => value === 'poison')).to.have.length(1);
    expect(handled.find(({ value }) => value === 'poison')!.topic).to.equal(parkedTopic(topic));
    expect(quiet).to.have.length(0);
  });

  it('when a parked message then fails for good, then it goes to the original topic’s dead-letter topic', async () => {
    let failure = dependencyDown();
    const handled: string[] = [];
    const { topic } = await start(async (message) => {
      const value = message.value!.toString();
      if (value === 'poison') throw failure;
      handled.push(value);
    });
    await producer.sendMany(topic, [
      { key: 'u1', value: 'poison', headers: { 'rc-event-id': 'e2' } },
      { key: 'u1', value: 'next' },
    ]);
    await waitFor(() => handled.includes('next'), { timeoutMs: 30_000 });
    failure = new AppError('INVALID_ARGUMENT', 'event.app_user_id: is required', { reason: 'BAD_EVENT' });

    const [dead] = await consumeMessages(brokers, `${topic}.dlq`, { count: 1, timeoutMs: 30_000 });
    expect(dead!.value).to.equal('poison');
    expect(dead!.headers).to.include({
      'rc-event-id': 'e2',
      'error-code': 'BAD_EVENT',
      'original-topic': topic,
      'original-offset': '0',
      'parked-round': '1',
    });
  });
});

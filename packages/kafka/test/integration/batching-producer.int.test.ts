import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { createLogger } from '@teamseat/logger';
import { getInfrastructure } from '@teamseat/testing';
import { createBatchingProducer, createKafka, ensureTopics, type BatchingProducer } from '../../src';

const logger = createLogger({ service: 'kafka-test', level: 'silent' });
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
    await ensureTopics(kafka, [existing], { partitions: 1 });
    batchSizes.length = 0;
    // A topic that does not exist yet keeps the first request in flight: the broker creates it on demand and
    // kafkajs retries after at least 80 ms. Meanwhile five messages arrive, each after the linger has passed.
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
});

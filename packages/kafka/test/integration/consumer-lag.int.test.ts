import { expect } from 'chai';
import type { Admin } from 'kafkajs';
import { createLogger } from '@teamseat/logger';
import { getInfrastructure, randomName } from '@teamseat/testing';
import { createKafka, ensureTopics, readConsumerLag, type KafkaClient } from '../../src';

const logger = createLogger({ service: 'kafka-test', level: 'silent' });

describe('readConsumerLag against the real broker', () => {
  let kafka: KafkaClient;
  let admin: Admin;
  const topic = randomName('lagging');
  const groupId = randomName('lag-group');

  before(async function () {
    this.timeout(300_000);
    const { kafkaBrokers } = await getInfrastructure();
    kafka = createKafka({ brokers: kafkaBrokers, clientId: randomName('lag-test'), logger });
    await ensureTopics(kafka, [topic], {
      partitions: 2,
      replication: { replicationFactor: 1, minInsyncReplicas: 1 },
      logger,
    });
    const producer = kafka.producer();
    await producer.connect();
    // 5 records on partition 0, 3 on partition 1.
    await producer.send({
      topic,
      messages: [
        ...Array.from({ length: 5 }, (_, i) => ({ partition: 0, value: `a${i}` })),
        ...Array.from({ length: 3 }, (_, i) => ({ partition: 1, value: `b${i}` })),
      ],
    });
    await producer.disconnect();
    admin = kafka.admin();
    await admin.connect();
  });

  after(async () => {
    await admin?.disconnect();
  });

  it('when a group has committed nothing, then every record held counts on each partition', async () => {
    const lags = await readConsumerLag(admin, [{ groupId, topics: [topic] }]);

    expect(lags.sort((a, b) => a.partition - b.partition)).to.deep.equal([
      { groupId, topic, partition: 0, lag: 5 },
      { groupId, topic, partition: 1, lag: 3 },
    ]);
  });

  it('when a group committed part of a partition, then the lag is what lies past its commit', async () => {
    await admin.setOffsets({
      groupId,
      topic,
      partitions: [
        { partition: 0, offset: '2' },
        { partition: 1, offset: '3' },
      ],
    });

    const lags = await readConsumerLag(admin, [{ groupId, topics: [topic] }]);

    expect(lags.sort((a, b) => a.partition - b.partition).map((l) => l.lag)).to.deep.equal([3, 0]);
  });
});

import { expect } from 'chai';
import { createLogger } from '@teamseat/logger';
import { randomName, startThrowawayBroker, type ThrowawayBroker } from '@teamseat/testing';
import { createKafka, ensureTopics } from '../../src';

const logger = createLogger({ service: 'kafka-test', level: 'silent' });
/** The local stack and the throwaway brokers have one broker each. */
const SINGLE_BROKER = { replicationFactor: 1, minInsyncReplicas: 1 };

describe('ensureTopics against a broker that has just restarted', function () {
  this.timeout(180_000);
  let broker: ThrowawayBroker;
  let kafka: ReturnType<typeof createKafka>;

  before(async () => {
    broker = await startThrowawayBroker();
    kafka = createKafka({ brokers: broker.brokers, clientId: randomName('topics-test'), logger });
    // Partitions for the broker to open again when it starts: 300, a day of tests on the local stack has more.
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: Array.from({ length: 50 }, (_, i) => ({ topic: `old-${i}`, numPartitions: 6 })),
      });
    } finally {
      await admin.disconnect();
    }
  });

  after(() => broker?.destroy());

  it('when a topic is created while the broker still opens its old partitions, then it returns once every new partition has a leader', async () => {
    await broker.stop();
    await broker.restart();
    const topic = randomName('fresh');

    // kafkajs' own wait failed here with "This server does not host this topic-partition".
    await ensureTopics(kafka, [topic], { partitions: 6, replication: SINGLE_BROKER, logger });

    const admin = kafka.admin();
    await admin.connect();
    try {
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      expect(metadata!.partitions).to.have.length(6);
      expect(metadata!.partitions.map(({ leader }) => leader >= 0)).to.deep.equal(Array(6).fill(true));
    } finally {
      await admin.disconnect();
    }
  });
});

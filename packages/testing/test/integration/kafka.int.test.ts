import { expect } from 'chai';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { consumeMessages, createTestTopic, getInfrastructure, randomName } from '@teamseat/testing';

describe('Kafka from getInfrastructure (integration)', function () {
  let brokers: string[];
  let producer: Producer;

  before(async function () {
    // A cold local stack downloads Kafka and builds FerretDB first.
    this.timeout(15 * 60_000);
    brokers = (await getInfrastructure()).kafkaBrokers;
    const kafka = new Kafka({ clientId: randomName('testing-int'), brokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  });

  after(async () => {
    await producer?.disconnect();
  });

  it('when keyed messages are produced to a new topic, then a consumer reads all back in order per key', async () => {
    const topic = await createTestTopic(brokers, { partitions: 3 });
    const sent = Array.from({ length: 30 }, (_, i) => ({
      key: `user-${i % 5}`,
      value: JSON.stringify({ seq: i }),
      headers: { 'rc-event-id': `evt-${i}` },
    }));

    await producer.send({ topic, acks: -1, messages: sent });
    const received = await consumeMessages(brokers, topic, { count: sent.length });

    expect(received).to.have.length(sent.length);
    expect(new Set(received.map((m) => m.partition)).size).to.be.greaterThan(1);
    for (let user = 0; user < 5; user++) {
      const forKey = received.filter((m) => m.key === `user-${user}`);
      const seqs = forKey.map((m) => (JSON.parse(m.value!) as { seq: number }).seq);
      expect(seqs).to.deep.equal([0, 1, 2, 3, 4, 5].map((n) => n * 5 + user));
      expect(new Set(forKey.map((m) => m.partition)).size).to.equal(1);
    }
    expect(received.find((m) => m.value === '{"seq":7}')?.headers).to.deep.equal({ 'rc-event-id': 'evt-7' });
  });

  it('when a topic was created with N partitions, then the broker reports N partitions with a leader each', async () => {
    const topic = await createTestTopic(brokers, { partitions: 4 });
    const admin = new Kafka({
      clientId: randomName('testing-int'),
      brokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });

      const partitions = metadata.topics[0]!.partitions;
      expect(partitions).to.have.length(4);
      expect(partitions.every((p) => p.leader >= 0)).to.equal(true);
    } finally {
      await admin.disconnect();
    }
  });

  it('when a topic stays empty, then consuming until a quiet period returns no messages', async () => {
    const topic = await createTestTopic(brokers, { partitions: 1 });

    const received = await consumeMessages(brokers, topic, { quietMs: 500 });

    expect(received).to.deep.equal([]);
  });
});

import { expect } from 'chai';
import { ConfigResourceTypes, ConfigSource } from 'kafkajs';
import { createLogger } from '@teamseat/logger';
import { getInfrastructure, randomName } from '@teamseat/testing';
import { createKafka, ensureTopics, type KafkaClient } from '../../src';

const logger = createLogger({ service: 'kafka-test', level: 'silent' });

/** min.insync.replicas as set on the topic itself; undefined when the topic inherits the broker's value. */
async function topicLevelMinInsync(kafka: KafkaClient, topic: string): Promise<string | undefined> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['min.insync.replicas'] }],
    });
    const entry = resources[0]!.configEntries.find(({ configName }) => configName === 'min.insync.replicas');
    return entry?.configSource === ConfigSource.TOPIC_CONFIG ? entry.configValue : undefined;
  } finally {
    await admin.disconnect();
  }
}

async function topicExists(kafka: KafkaClient, topic: string): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).includes(topic);
  } finally {
    await admin.disconnect();
  }
}

describe('ensureTopics replication against the real (single) broker', () => {
  let kafka: KafkaClient;
  before(async function () {
    this.timeout(300_000);
    const { kafkaBrokers } = await getInfrastructure();
    kafka = createKafka({ brokers: kafkaBrokers, clientId: randomName('replication-test'), logger });
  });

  it('when a topic is created, then it carries the configured min.insync.replicas on the topic itself', async () => {
    const topic = randomName('replicated');
    await ensureTopics(kafka, [topic], {
      partitions: 2,
      replication: { replicationFactor: 1, minInsyncReplicas: 1 },
      logger,
    });
    expect(await topicLevelMinInsync(kafka, topic)).to.equal('1');
  });

  it('when production defaults meet a cluster of one broker, then it fails naming TOPIC_REPLICATION_FACTOR and creates nothing', async () => {
    const topic = randomName('never-rf1');
    let failure: unknown;
    try {
      await ensureTopics(kafka, [topic], {
        partitions: 2,
        replication: { replicationFactor: 3, minInsyncReplicas: 2 },
        logger,
      });
    } catch (error) {
      failure = error;
    }
    expect(failure, 'ensureTopics must fail').to.be.instanceOf(Error);
    expect((failure as Error).message).to.match(/TOPIC_REPLICATION_FACTOR/);
    expect((failure as Error).message).to.match(/replication factor 3 .*1 broker/);
    expect(await topicExists(kafka, topic)).to.equal(false);
  });

  it('when a topic already exists with less replication than configured, then it is left alone and reported', async () => {
    const topic = randomName('under-replicated');
    await ensureTopics(kafka, [topic], {
      partitions: 1,
      replication: { replicationFactor: 1, minInsyncReplicas: 1 },
      logger,
    });
    const shortfalls = await ensureTopics(kafka, [topic], {
      partitions: 1,
      replication: { replicationFactor: 3, minInsyncReplicas: 2 },
      logger,
    });
    expect(shortfalls).to.deep.include({ topic, setting: 'replication.factor', configured: 3, actual: 1 });
    expect(shortfalls).to.deep.include({ topic, setting: 'min.insync.replicas', configured: 2, actual: 1 });
    expect(await topicLevelMinInsync(kafka, topic)).to.equal('1');
  });
});

import { expect } from 'chai';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import {
  createTestTopic,
  getInfrastructure,
  listNames,
  randomDatabaseUri,
  randomName,
  removeLeftovers,
  type Infrastructure,
} from '@teamseat/testing';

async function createDatabase(uri: string): Promise<string> {
  const client = await MongoClient.connect(uri);
  try {
    await client.db().collection('things').insertOne({ made: 'by a test' });
    return client.db().databaseName;
  } finally {
    await client.close();
  }
}

describe('removing what a test run made (integration)', () => {
  let infra: Infrastructure;

  before(async () => {
    infra = await getInfrastructure();
  });

  it('when topics and databases appeared during the run, then the made-up ones go and the rest stay', async () => {
    const earlier = await createTestTopic(infra.kafkaBrokers, { partitions: 1 });
    const before = await listNames(infra);
    const madeTopic = await createTestTopic(infra.kafkaBrokers, { partitions: 1 });
    const fixedTopic = `leftovers.fixed.${Date.now()}`;
    await createTestTopic(infra.kafkaBrokers, { name: fixedTopic, partitions: 1 });
    const madeDatabase = await createDatabase(randomDatabaseUri(infra.mongoUri, 'leftovers'));

    const removed = await removeLeftovers(infra, before);

    expect(removed).to.deep.equal({ topics: [madeTopic], databases: [madeDatabase] });
    const after = await listNames(infra);
    expect(after.topics).to.include.members([earlier, fixedTopic]);
    expect(after.topics).to.not.include(madeTopic);
    expect(after.databases).to.not.include(madeDatabase);

    // Tidy up what this test left on purpose.
    const admin = new Kafka({
      brokers: infra.kafkaBrokers,
      clientId: randomName('leftovers'),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [earlier, fixedTopic] });
    await admin.disconnect();
  });
});

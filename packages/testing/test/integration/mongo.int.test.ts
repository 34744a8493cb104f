import { expect } from 'chai';
import { MongoClient, MongoServerError } from 'mongodb';
import { getInfrastructure, randomDatabaseUri } from '@teamseat/testing';

interface Team {
  _id: string;
  seatsAvailable: number;
  members: string[];
}

describe('MongoDB from getInfrastructure (integration)', function () {
  let client: MongoClient;

  before(async function () {
    this.timeout(15 * 60_000);
    const { mongoUri } = await getInfrastructure();
    client = new MongoClient(randomDatabaseUri(mongoUri));
    await client.connect();
  });

  after(async () => {
    await client?.db().dropDatabase();
    await client?.close();
  });

  it('when a document is written to a random database, then it reads back from that database', async () => {
    const teams = client.db().collection<Team>('teams');

    await teams.insertOne({ _id: 'team-1', seatsAvailable: 3, members: [] });

    expect(client.db().databaseName).to.match(/^test_/);
    expect(await teams.findOne({ _id: 'team-1' })).to.deep.equal({
      _id: 'team-1',
      seatsAvailable: 3,
      members: [],
    });
  });

  it('when the same _id is inserted twice, then the second insert fails with duplicate key 11000', async () => {
    const teams = client.db().collection<Team>('teams-dup');
    await teams.insertOne({ _id: 'team-1', seatsAvailable: 1, members: [] });

    const error = await teams.insertOne({ _id: 'team-1', seatsAvailable: 2, members: [] }).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).to.be.instanceOf(MongoServerError).with.property('code', 11000);
  });

  it('when eight clients insert the same _id at once, then exactly one succeeds and the rest get 11000', async () => {
    const locks = client.db().collection<{ _id: string; owner: number }>('locks');

    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, owner) =>
        locks.insertOne({ _id: 'team-1', owner }).then(
          () => 'won',
          (e: unknown) => (e instanceof MongoServerError && e.code === 11000 ? 'duplicate' : e),
        ),
      ),
    );

    expect(outcomes.filter((o) => o === 'won')).to.have.length(1);
    expect(outcomes.filter((o) => o === 'duplicate')).to.have.length(7);
  });
});
